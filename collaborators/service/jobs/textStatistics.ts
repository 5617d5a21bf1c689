// Text statistics: counts over the request document's text.
import { defineJob, requestText } from './job';

export interface TextStatistics {
  /** Unicode code points. */
  characters: number;
  /** UTF-8 bytes. */
  bytes: number;
  /** Lines: 0 for an empty text, else newline characters + 1 (a final newline does not open a line). */
  lines: number;
  words: number;
  distinctWords: number;
  sentences: number;
  paragraphs: number;
  /** Mean word length in code points, rounded to 2 decimals (0 without words). */
  averageWordLength: number;
  /** The 10 most frequent words (lower-cased), by count then alphabetically (code-unit order). */
  topWords: { word: string; count: number }[];
}

/** A word: letters or digits, with inner apostrophes or hyphens ("don't", "open-source"). */
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
/** Sentences end with . ! ?; a sentence is a run between them that holds a letter or digit. */
const SENTENCE_END = /[.!?]+/;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;
const TOP_WORDS = 10;

export function textStatistics(text: string): TextStatistics {
  const words = text.match(WORD) ?? [];
  const counts = new Map<string, number>();
  for (const word of words) {
    const key = word.toLowerCase();
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const topWords = [...counts.entries()]
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, TOP_WORDS)
    .map(([word, count]) => ({ word, count }));
  const letters = words.reduce((sum, word) => sum + [...word].length, 0);
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  return {
    characters: [...text].length,
    bytes: new TextEncoder().encode(text).length,
    lines: text.length === 0 ? 0 : body.split('\n').length,
    words: words.length,
    distinctWords: counts.size,
    sentences: text.split(SENTENCE_END).filter((run) => WORD_CHARACTER.test(run)).length,
    paragraphs: text.split(/\n[ \t\r]*\n/).filter((block) => block.trim() !== '').length,
    averageWordLength: words.length === 0 ? 0 : Math.round((letters / words.length) * 100) / 100,
    topWords,
  };
}

export const textStatisticsJob = defineJob<TextStatistics>({
  key: 'text-statistics',
  title: 'Text statistics',
  version: 1,
  description: `# Text statistics

**Request**: any UTF-8 text document (text/plain, text/markdown or JSON); its whole text is measured.

**Result** (\`result\` of the JSON result document):
characters (code points), bytes (UTF-8), lines, words, distinctWords, sentences, paragraphs,
averageWordLength (2 decimals) and topWords (the 10 most frequent lower-cased words, by count then
alphabetically). A word is a run of letters or digits, with inner apostrophes or hyphens.

Deterministic: anyone can recompute it with \`textStatistics\` in collaborators/service/jobs.`,
  compute: (request) => textStatistics(requestText(request)),
  tamper: (result) => ({ ...result, words: result.words + 1 }),
});
