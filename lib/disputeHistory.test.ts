import { describe, expect, it } from 'vitest';
import { countDisputes, outcomeFor } from './disputeHistory';

describe('outcomeFor', () => {
  it('reads ruling 1 as for the buyer, 2 as for the seller, 0 as a split, none as open', () => {
    expect(outcomeFor('buyer', 1)).toBe('won');
    expect(outcomeFor('seller', 1)).toBe('lost');
    expect(outcomeFor('buyer', 2)).toBe('lost');
    expect(outcomeFor('seller', 2)).toBe('won');
    expect(outcomeFor('seller', 0)).toBe('split');
    expect(outcomeFor('buyer', null)).toBe('open');
  });
});

describe('countDisputes', () => {
  it('counts by role and by outcome', () => {
    expect(
      countDisputes([
        { role: 'seller', outcome: 'lost' },
        { role: 'seller', outcome: 'open' },
        { role: 'buyer', outcome: 'won' },
        { role: 'buyer', outcome: 'split' },
      ]),
    ).toEqual({ against: 2, opened: 2, won: 1, lost: 1, split: 1, open: 1 });
  });
});
