import { reporterReliability } from './reliability';

describe('reporterReliability', () => {
  test('a newcomer starts in the middle', () => {
    expect(reporterReliability({ upheld: 0, notUpheld: 0 })).toBe(0.5);
  });

  test('rises with upheld reports and falls with dismissed ones, never reaching 0 or 1', () => {
    expect(reporterReliability({ upheld: 8, notUpheld: 0 })).toBeCloseTo(0.9);
    expect(reporterReliability({ upheld: 0, notUpheld: 8 })).toBeCloseTo(0.1);
    expect(reporterReliability({ upheld: 1000, notUpheld: 0 })).toBeLessThan(1);
  });

  test('one lucky report is not proof', () => {
    expect(reporterReliability({ upheld: 1, notUpheld: 0 })).toBeCloseTo(2 / 3);
  });
});
