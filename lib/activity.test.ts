import type { Address } from 'viem';
import { describe, expect, it } from 'vitest';
import { pendingWork, periodsAround } from './activity';

const me: Address = '0x00000000000000000000000000000000000000aa';
const other: Address = '0x00000000000000000000000000000000000000bb';
const rules = { orderPoints: 10n, ratingPoints: 2n, juryPointsPerSeat: 5n };

describe('periodsAround', () => {
  it('lists the window of completed periods and the current one', () => {
    const day = 86_400;
    const periods = periodsAround(10 * day + 5, day, 4);
    expect(periods.map((p) => p.period)).toEqual([6, 7, 8, 9, 10]);
    expect(periods.filter((p) => p.counted).map((p) => p.period)).toEqual([6, 7, 8, 9]);
    expect(periods.at(-1)).toMatchObject({ current: true, counted: false, start: 10 * day, end: 11 * day });
  });

  it('starts at period 0 on a young chain', () => {
    expect(periodsAround(100, 3_600, 4).map((p) => p.period)).toEqual([0]);
  });
});

describe('pendingWork', () => {
  it('counts settled orders and own ratings not credited yet, once each', () => {
    const orders = [
      { id: 1n, buyer: me, settled: true, rated: true, flags: 0 }, // both pending
      { id: 1n, buyer: me, settled: true, rated: true, flags: 0 }, // the same order seen as buyer and seller
      { id: 2n, buyer: other, settled: true, rated: true, flags: 1 }, // sides credited; the rating is the buyer's, not mine
      { id: 3n, buyer: me, settled: false, rated: false, flags: 0 }, // not settled
      { id: 4n, buyer: me, settled: true, rated: true, flags: 3 }, // all credited
    ];
    const pending = pendingWork(me, orders, [], rules);
    expect(pending.orders).toEqual(['1']);
    expect(pending.ratings).toEqual(['1']);
    expect(pending.points).toBe('12');
  });

  it('counts coherent jury seats not credited, by seat', () => {
    const duties = [
      { disputeId: 7n, round: 0, seats: 2, coherent: true, credited: false },
      { disputeId: 8n, round: 1, seats: 3, coherent: true, credited: true },
      { disputeId: 9n, round: 0, seats: 1, coherent: false, credited: false },
    ];
    const pending = pendingWork(me, [], duties, rules);
    expect(pending.duties).toEqual([{ disputeId: '7', round: 0, seats: 2 }]);
    expect(pending.points).toBe('10');
  });
});
