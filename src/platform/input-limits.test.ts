import { MAX_JSON_DEPTH, bodyProblem, paginationProblem } from './input-limits';

const nested = (levels: number): unknown => {
  let value: unknown = 'leaf';
  for (let level = 0; level < levels; level += 1) value = level % 2 ? [value] : { child: value };
  return value;
};

describe('bodyProblem', () => {
  test('allows nesting up to the limit and refuses one level more', () => {
    expect(bodyProblem(nested(MAX_JSON_DEPTH))).toBeNull();
    expect(bodyProblem(nested(MAX_JSON_DEPTH + 1))).toBe('too-deep');
  });

  test('walks 100,000 levels without overflowing its own stack', () => {
    expect(bodyProblem(nested(100_000))).toBe('too-deep');
  });

  test('scalars and wide shallow values pass, emoji included', () => {
    expect(bodyProblem('text \u{1F600}')).toBeNull();
    expect(bodyProblem(null)).toBeNull();
    expect(bodyProblem({ data: Array.from({ length: 10_000 }, (_, index) => ({ index })) })).toBeNull();
  });

  test('an unpaired surrogate anywhere, value or key, is not text', () => {
    expect(bodyProblem({ password: 'Read\udbffer-Password-1' })).toBe('not-text');
    expect(bodyProblem({ data: [{ body: 'trailing \udc00' }] })).toBe('not-text');
    expect(bodyProblem({ ['key\ud800']: 1 })).toBe('not-text');
  });
});

describe('paginationProblem', () => {
  test('whole numbers in range pass, absent pagination passes', () => {
    expect(paginationProblem(undefined)).toBeNull();
    expect(paginationProblem({ page: '3', pageSize: '20' })).toBeNull();
    expect(paginationProblem({ start: '0', limit: '-1' })).toBeNull();
  });

  test.each([['99999999999999999999'], ['1e300'], ['1.5'], ['abc'], [''], ['1000000001']])(
    'page %p is refused',
    (page) => {
      expect(paginationProblem({ page })).toMatch(/pagination\[page\]/);
    }
  );

  test('a non-object pagination is refused', () => {
    expect(paginationProblem('1')).toMatch(/must be an object/);
    expect(paginationProblem(['1'])).toMatch(/must be an object/);
    expect(paginationProblem({ start: ['1', '2'] })).toMatch(/pagination\[start\]/);
  });
});
