import { mergeMatches, suspectWordFlag, suspectWordsOf } from './highlights';

describe('suspectWordsOf', () => {
  test('reads the words back from the flag reasons, profanity apart, other reasons ignored', () => {
    const flags = [
      suspectWordFlag('scam'),
      'repeated-post',
      suspectWordFlag('profanity'),
      suspectWordFlag('two words'),
    ];
    expect(suspectWordsOf(flags)).toEqual({ words: ['scam', 'two words'], profanity: true });
  });

  test('no suspect word, no highlight', () => {
    expect(suspectWordsOf(['repeated-post', 'suspected-brigading'])).toEqual({ words: [], profanity: false });
  });
});

describe('mergeMatches', () => {
  test('orders matches by position', () => {
    expect(
      mergeMatches([
        { start: 10, end: 14, word: 'b' },
        { start: 0, end: 4, word: 'a' },
      ])
    ).toEqual([
      { start: 0, end: 4, word: 'a' },
      { start: 10, end: 14, word: 'b' },
    ]);
  });

  test('joins overlapping and repeated matches into one, keeps adjacent ones apart', () => {
    expect(
      mergeMatches([
        { start: 0, end: 4, word: 'scam' },
        { start: 0, end: 4, word: 'scam' },
        { start: 2, end: 8, word: 'amount' },
        { start: 8, end: 10, word: 'next' },
      ])
    ).toEqual([
      { start: 0, end: 8, word: 'scam' },
      { start: 8, end: 10, word: 'next' },
    ]);
  });

  test('drops empty spans and leaves its input alone', () => {
    const input = [
      { start: 3, end: 3, word: 'x' },
      { start: 1, end: 2, word: 'y' },
    ];
    expect(mergeMatches(input)).toEqual([{ start: 1, end: 2, word: 'y' }]);
    expect(input[1]).toEqual({ start: 1, end: 2, word: 'y' });
  });
});
