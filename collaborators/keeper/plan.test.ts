import { zeroHash, type Address } from 'viem';
import { describe, expect, it } from 'vitest';
import type { Order } from '../../lib/market';
import { DRAW_GAS_PER_SEAT, MAX_CREDIT_BATCH, planKeeperActions, type DisputeSnapshot, type KeeperState, type ProposalSnapshot } from './plan';

const BUYER: Address = '0x00000000000000000000000000000000000000b1';
const SELLER: Address = '0x00000000000000000000000000000000000000a1';
const GOVERNOR: Address = '0x00000000000000000000000000000000000000c1';
const NOW = 1_000_000;

function order(id: bigint, fields: Partial<Order>): Order {
  return {
    id,
    buyer: BUYER,
    seller: SELLER,
    orderedAt: NOW - 5_000,
    deliverBy: NOW + 1_000,
    deliveredAt: 0,
    reviewWindow: 3_600,
    state: 'ordered',
    ruling: 0,
    feeBps: 100,
    price: 10n,
    serviceId: 1n,
    resultHash: zeroHash,
    ...fields,
  };
}

function dispute(id: bigint, fields: Partial<DisputeSnapshot>): DisputeSnapshot {
  return { id, period: 'evidence', round: 0, periodEnd: NOW + 100, jurors: 0, commits: 0, reveals: 0, ...fields };
}

function proposal(id: bigint, fields: Partial<ProposalSnapshot>): ProposalSnapshot {
  return { governor: GOVERNOR, id, state: 'Active', eta: 0, targets: [], values: [], calldatas: [], descriptionHash: zeroHash, ...fields };
}

const EMPTY: KeeperState = { orders: [], disputes: [], canDraw: true, proposals: [], creditable: null };

describe('planKeeperActions: orders', () => {
  it('releases a delivered order from the end of its review window on, never before', () => {
    const delivered = (deliveredAt: number) => order(1n, { state: 'delivered', deliveredAt, reviewWindow: 3_600 });
    expect(planKeeperActions({ ...EMPTY, orders: [delivered(NOW - 3_599)] }, NOW)).toEqual([]);
    expect(planKeeperActions({ ...EMPTY, orders: [delivered(NOW - 3_600)] }, NOW)).toEqual([{ kind: 'release', orderId: 1n }]);
  });

  it('refunds an undelivered order only after its deadline second', () => {
    expect(planKeeperActions({ ...EMPTY, orders: [order(2n, { deliverBy: NOW })] }, NOW)).toEqual([]);
    expect(planKeeperActions({ ...EMPTY, orders: [order(2n, { deliverBy: NOW - 1 })] }, NOW)).toEqual([{ kind: 'refund', orderId: 2n }]);
  });

  it('leaves disputed and terminal orders alone, and orders the actions by id', () => {
    const orders = [
      order(9n, { deliverBy: NOW - 1 }),
      order(3n, { state: 'disputed', deliveredAt: NOW - 10_000 }),
      order(4n, { state: 'settled', deliveredAt: NOW - 10_000 }),
      order(5n, { state: 'refunded', deliverBy: NOW - 10 }),
      order(6n, { state: 'delivered', deliveredAt: NOW - 10_000 }),
    ];
    expect(planKeeperActions({ ...EMPTY, orders }, NOW)).toEqual([
      { kind: 'release', orderId: 6n },
      { kind: 'refund', orderId: 9n },
    ]);
  });
});

describe('planKeeperActions: disputes', () => {
  it('advances a period that is over, with extra gas per seat for the draw out of Evidence', () => {
    const actions = planKeeperActions({ ...EMPTY, disputes: [dispute(1n, { periodEnd: NOW, round: 1 })] }, NOW);
    expect(actions).toEqual([{ kind: 'advance', disputeId: 1n, period: 'evidence', extraGas: 7n * DRAW_GAS_PER_SEAT }]);
  });

  it('waits for a period that is not over unless every drawn juror acted', () => {
    const running = dispute(1n, { period: 'commit', periodEnd: NOW + 1, jurors: 3, commits: 2 });
    expect(planKeeperActions({ ...EMPTY, disputes: [running] }, NOW)).toEqual([]);
    const allCommitted = { ...running, commits: 3 };
    expect(planKeeperActions({ ...EMPTY, disputes: [allCommitted] }, NOW)).toEqual([{ kind: 'advance', disputeId: 1n, period: 'commit', extraGas: 0n }]);
    const evidence = dispute(2n, { periodEnd: NOW + 1 });
    expect(planKeeperActions({ ...EMPTY, disputes: [evidence] }, NOW)).toEqual([]);
  });

  it('does not draw while no juror can be drawn (the advance would revert NoJurors)', () => {
    const due = dispute(1n, { periodEnd: NOW });
    expect(planKeeperActions({ ...EMPTY, canDraw: false, disputes: [due] }, NOW)).toEqual([]);
    const reveal = dispute(2n, { period: 'reveal', periodEnd: NOW, jurors: 3 });
    expect(planKeeperActions({ ...EMPTY, canDraw: false, disputes: [reveal] }, NOW)).toHaveLength(1);
  });

  it('never advances an executed dispute', () => {
    expect(planKeeperActions({ ...EMPTY, disputes: [dispute(1n, { period: 'executed', periodEnd: 0 })] }, NOW)).toEqual([]);
  });
});

describe('planKeeperActions: proposals', () => {
  it('executes queued proposals whose delay has passed, and queues succeeded ones only when asked to', () => {
    const succeeded = proposal(1n, { state: 'Succeeded' });
    const due = proposal(2n, { state: 'Queued', eta: NOW });
    const waiting = proposal(3n, { state: 'Queued', eta: NOW + 1 });
    const done = proposal(4n, { state: 'Executed', eta: NOW - 100 });
    const proposals = [succeeded, due, waiting, done, proposal(5n, { state: 'Defeated' })];
    expect(planKeeperActions({ ...EMPTY, proposals }, NOW)).toEqual([{ kind: 'execute', proposal: due }]);
    const actions = planKeeperActions({ ...EMPTY, proposals }, NOW, { queueProposals: true });
    expect(actions).toEqual([
      { kind: 'queue', proposal: succeeded },
      { kind: 'execute', proposal: due },
    ]);
  });
});

describe('planKeeperActions: activity credits', () => {
  it('credits nothing when nothing is creditable', () => {
    expect(planKeeperActions({ ...EMPTY, creditable: { orderIds: [], ratedOrderIds: [], juryDuties: [] } }, NOW)).toEqual([]);
  });

  it('batches what is creditable into one call, capped per kind', () => {
    const orderIds = Array.from({ length: MAX_CREDIT_BATCH + 5 }, (_, i) => BigInt(i + 1));
    const juryDuties = [{ disputeId: 1n, round: 0n, juror: BUYER }];
    const actions = planKeeperActions({ ...EMPTY, creditable: { orderIds, ratedOrderIds: [2n], juryDuties } }, NOW);
    expect(actions).toEqual([{ kind: 'credit', orderIds: orderIds.slice(0, MAX_CREDIT_BATCH), ratedOrderIds: [2n], juryDuties }]);
  });

  it('comes after the settlements of the same tick', () => {
    const state: KeeperState = { ...EMPTY, orders: [order(1n, { deliverBy: NOW - 1 })], creditable: { orderIds: [7n], ratedOrderIds: [], juryDuties: [] } };
    expect(planKeeperActions(state, NOW).map((a) => a.kind)).toEqual(['refund', 'credit']);
  });
});
