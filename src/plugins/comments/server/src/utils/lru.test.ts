import { Lru } from './lru';

describe('Lru', () => {
  test('evicts the least recently used entry past its capacity', () => {
    const lru = new Lru<number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1);
    lru.set('c', 3);
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBe(1);
    expect(lru.get('c')).toBe(3);
  });

  test('a weighed capacity keeps the total weight within bounds, replacing an entry re-weighs it', () => {
    const lru = new Lru<string>(10, (value) => value.length);
    lru.set('a', 'xxxx');
    lru.set('b', 'yyyy');
    lru.set('a', 'xx');
    lru.set('c', 'zzzz');
    expect([lru.get('a'), lru.get('b'), lru.get('c')]).toEqual(['xx', 'yyyy', 'zzzz']);
    lru.set('d', 'wwwww');
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBeUndefined();
    expect(lru.get('d')).toBe('wwwww');
  });

  test('an entry heavier than the capacity is still kept alone, until the next one', () => {
    const lru = new Lru<string>(3, (value) => value.length);
    lru.set('big', 'xxxxxx');
    expect(lru.get('big')).toBe('xxxxxx');
    lru.set('small', 'y');
    expect(lru.get('big')).toBeUndefined();
    expect(lru.get('small')).toBe('y');
  });
});
