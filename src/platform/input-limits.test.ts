import { MAX_JSON_DEPTH, exceedsDepth, paginationProblem } from './input-limits';

const nested = (levels: number): unknown => {
  let value: unknown = 'leaf';
  for (let level = 0; level < levels; level += 1) value = level % 2 ? [value] : { child: value };
  return value;
};

describe('exceedsDepth', () => {
  test('allows up to the limit and refuses one level more', () => {
    expect(exceedsDepth(nested(MAX_JSON_DEPTH))).toBe(false);
    expect(exceedsDepth(nested(MAX_JSON_DEPTH + 1))).toBe(true);
  });

  test('walks 100,000 levels without overflowing its own stack', () => {
    expect(exceedsDepth(nested(100_000))).toBe(true);
  });

  test('scalars and wide shallow values pass', () => {
    expect(exceedsDepth('text')).toBe(false);
    expect(exceedsDepth(null)).toBe(false);
    expect(exceedsDepth({ data: Array.from({ length: 10_000 }, (_, index) => ({ index })) })).toBe(false);
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
