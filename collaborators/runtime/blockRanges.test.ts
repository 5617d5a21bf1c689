import { describe, expect, it } from 'vitest';
import { blockRanges } from './blockRanges';

describe('blockRanges', () => {
  it('covers the range in slices of at most `step` blocks', () => {
    expect([...blockRanges(5n, 27n, 10n)]).toEqual([
      { fromBlock: 5n, toBlock: 14n },
      { fromBlock: 15n, toBlock: 24n },
      { fromBlock: 25n, toBlock: 27n },
    ]);
    expect([...blockRanges(3n, 3n)]).toEqual([{ fromBlock: 3n, toBlock: 3n }]);
    expect([...blockRanges(4n, 3n)]).toEqual([]);
  });
});
