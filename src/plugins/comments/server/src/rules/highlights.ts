/**
 * Which words of a comment the moderator sees marked: the suspect words that flagged it, as the
 * flag recorded them (`suspect-word:<word>`, `profanity` for the built-in list), wherever the word
 * matcher finds them in the body now.
 */

const SUSPECT_WORD = 'suspect-word:';
export const PROFANITY = 'profanity';

/** The flag reason for a suspect word found in a comment. */
export const suspectWordFlag = (word: string): string => `${SUSPECT_WORD}${word}`;

/** The suspect words a comment's flag reasons name, and whether the profanity list flagged it. */
export const suspectWordsOf = (flagReasons: readonly string[]): { words: string[]; profanity: boolean } => {
  const named = flagReasons
    .filter((flag) => flag.startsWith(SUSPECT_WORD))
    .map((flag) => flag.slice(SUSPECT_WORD.length));
  return { words: named.filter((word) => word !== PROFANITY), profanity: named.includes(PROFANITY) };
};

export interface BodyMatch {
  /** Offset of the first character (UTF-16 code units, as JavaScript strings count). */
  start: number;
  /** Offset after the last character. */
  end: number;
  word: string;
}

/** In body order and never overlapping (an overlap joins the two, under the first word), so each can be one mark. */
export const mergeMatches = (matches: readonly BodyMatch[]): BodyMatch[] => {
  const sorted = [...matches]
    .filter((match) => match.end > match.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: BodyMatch[] = [];
  for (const match of sorted) {
    const last = merged[merged.length - 1];
    if (last && match.start < last.end) last.end = Math.max(last.end, match.end);
    else merged.push({ ...match });
  }
  return merged;
};
