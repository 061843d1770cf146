import {
  DataSet,
  RegExpMatcher,
  englishDataset,
  englishRecommendedTransformers,
  parseRawPattern,
  type MatchPayload,
} from 'obscenity';
import type { CommentsConfig } from '../config';
import { PROFANITY, mergeMatches, type BodyMatch } from '../rules/highlights';

type WordsConfig = CommentsConfig['words'];

// obscenity's raw pattern syntax reserves these characters; `|` at both ends means word boundaries.
const toPattern = (word: string) => parseRawPattern(`|${word.toLowerCase().replace(/[[\]?|\\]/g, '\\$&')}|`);

const buildMatcher = (words: string[]) => {
  const dataset = new DataSet<{ word: string }>();
  for (const word of words) dataset.addPhrase((phrase) => phrase.setMetadata({ word }).addPattern(toPattern(word)));
  return {
    matcher: new RegExpMatcher({ ...dataset.build(), ...englishRecommendedTransformers }),
    wordOf: (payload: MatchPayload) => dataset.getPayloadWithPhraseMetadata(payload).phraseMetadata?.word ?? '',
  };
};

const profanity = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });

export interface WordCheck {
  banned: string[];
  suspect: string[];
}

/**
 * Word lists matched with obscenity, which sees through case, l33tspeak, confusable characters
 * and padding. Matchers are rebuilt only when a list changes.
 */
const words = () => {
  const cache = new Map<string, ReturnType<typeof buildMatcher>>();
  const matcherFor = (list: string[]) => {
    const key = JSON.stringify(list);
    let entry = cache.get(key);
    if (!entry) {
      if (cache.size > 16) cache.clear();
      entry = buildMatcher(list);
      cache.set(key, entry);
    }
    return entry;
  };
  const found = (list: string[], body: string): string[] => {
    if (list.length === 0) return [];
    const { matcher, wordOf } = matcherFor(list);
    return [...new Set(matcher.getAllMatches(body).map(wordOf))];
  };

  return {
    check(body: string, config: WordsConfig): WordCheck {
      const suspect = found(config.suspect, body);
      if (config.flagProfanity && profanity.hasMatch(body)) suspect.push(PROFANITY);
      return { banned: found(config.banned, body), suspect };
    },

    /** Where these words (and, with `profanity`, the built-in list) stand in the body, for the moderator's highlight. */
    matches(body: string, list: string[], withProfanity: boolean): BodyMatch[] {
      const { matcher, wordOf } = matcherFor(list);
      const span = (payload: MatchPayload, word: string) => ({
        start: payload.startIndex,
        end: payload.endIndex + 1,
        word,
      });
      return mergeMatches([
        ...(list.length > 0 ? matcher.getAllMatches(body).map((payload) => span(payload, wordOf(payload))) : []),
        ...(withProfanity ? profanity.getAllMatches(body).map((payload) => span(payload, PROFANITY)) : []),
      ]);
    },
  };
};

export type WordsService = ReturnType<typeof words>;
export default words;
