import { describe, expect, it } from 'vitest';
import { textStatistics, textStatisticsJob } from './textStatistics';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('textStatistics', () => {
  it('counts a small text', () => {
    const stats = textStatistics("Open source is back. Don't stop!\n\nThe open-source way: open.\n");
    expect(stats).toEqual({
      characters: 61,
      bytes: 61,
      lines: 3,
      words: 10,
      distinctWords: 9,
      sentences: 3,
      paragraphs: 2,
      averageWordLength: 4.6, // 46 letters / 10 words
      topWords: [
        { word: 'open', count: 2 },
        { word: 'back', count: 1 },
        { word: "don't", count: 1 },
        { word: 'is', count: 1 },
        { word: 'open-source', count: 1 },
        { word: 'source', count: 1 },
        { word: 'stop', count: 1 },
        { word: 'the', count: 1 },
        { word: 'way', count: 1 },
      ],
    });
  });

  it('counts code points and UTF-8 bytes apart', () => {
    const stats = textStatistics('Café ☕ ok');
    expect(stats).toMatchObject({ characters: 9, bytes: 12, words: 2, lines: 1, sentences: 1 });
  });

  it('handles the empty text', () => {
    expect(textStatistics('')).toEqual({ characters: 0, bytes: 0, lines: 0, words: 0, distinctWords: 0, sentences: 0, paragraphs: 0, averageWordLength: 0, topWords: [] });
  });

  it('keeps only the 10 most frequent words', () => {
    const text = 'a b c d e f g h i j k k';
    expect(textStatistics(text).topWords.map((w) => w.word)).toEqual(['k', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']);
  });

  it('stays linear on the largest adversarial documents', () => {
    const started = performance.now();
    textStatistics(' '.repeat(64 * 1024));
    textStatistics(`${'a-'.repeat(32 * 1024)}`);
    textStatistics(`${"a'".repeat(16 * 1024)}${'.'.repeat(32 * 1024)}`);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('as a job: refuses non-UTF-8 bytes and tampers plausibly', () => {
    expect(textStatisticsJob.run(new Uint8Array([0xff, 0xfe]))).toEqual({ ok: false, error: 'The request is not UTF-8 text.' });
    const honest = textStatisticsJob.run(bytes('one two'));
    const wrong = textStatisticsJob.runWrong(bytes('one two'));
    expect(honest).toMatchObject({ ok: true, result: { words: 2 } });
    expect(wrong).toMatchObject({ ok: true, result: { words: 3 } });
  });
});
