import { canonicalHash, canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  test('object keys are sorted at every level, array order is kept', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}');
  });

  test('undefined becomes null, dates their ISO text', () => {
    expect(canonicalJson({ a: undefined, at: new Date('2026-12-03T09:00:00Z') })).toBe(
      '{"a":null,"at":"2026-12-03T09:00:00.000Z"}'
    );
  });

  test('composed and decomposed accents are the same wording', () => {
    expect(canonicalJson({ text: 'caf\u00e9' })).toBe(canonicalJson({ text: 'cafe\u0301' }));
  });
});

describe('canonicalHash', () => {
  test('the same content in another key order gives the same SHA-256', () => {
    const hash = canonicalHash({ title: 'Rules', rules: [{ type: 'paragraph', children: [{ text: 'Be civil.' }] }] });
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(canonicalHash({ rules: [{ children: [{ text: 'Be civil.' }], type: 'paragraph' }], title: 'Rules' })).toBe(
      hash
    );
  });

  test('a changed word changes the hash', () => {
    expect(canonicalHash({ rules: 'Be civil.' })).not.toBe(canonicalHash({ rules: 'Be kind.' }));
  });
});
