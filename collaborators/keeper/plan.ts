// The keeper's decisions as a pure function of chain state: which orders to release or refund,
// which dispute periods to advance, which governance proposals to queue or execute, and which
// activity to credit. The runner (./main.ts) reads the state, calls this, and sends the actions.
// Everything here mirrors the contracts' own rules (lib/market.ts, lib/court.ts), at chain time.
import type { Address, Hex } from 'viem';
import { canAdvance, seatsFor, type Period } from '../../lib/court';
import { allowedActions, type Order } from '../../lib/market';

/** Extra gas per drawn seat on top of the estimate of an advance out of Evidence: the draw's cost
 * depends on prevrandao, which differs between the estimate and the block (the app does the same). */
export const DRAW_GAS_PER_SEAT = 80_000n;

/** Most ids of one kind sent in one `creditAll` call (keeps the transaction well under the block gas). */
export const MAX_CREDIT_BATCH = 50;

/** A dispute as the keeper needs it (DisputeCourt.getDispute + the current round's counts). */
export interface DisputeSnapshot {
  id: bigint;
  period: Period;
  round: number;
  /** When `advance` becomes possible by time (0 once executed). */
  periodEnd: number;
  jurors: number;
  commits: number;
  reveals: number;
}

/** A proposal of a governor (CouncilGovernor / DemocracyGovernor), from its ProposalCreated event. */
export interface ProposalSnapshot {
  governor: Address;
  id: bigint;
  /** OpenZeppelin IGovernor.ProposalState name. */
  state: 'Pending' | 'Active' | 'Canceled' | 'Defeated' | 'Succeeded' | 'Queued' | 'Expired' | 'Executed';
  /** When the queued operation becomes executable (0 when not queued). */
  eta: number;
  targets: readonly Address[];
  values: readonly bigint[];
  calldatas: readonly Hex[];
  descriptionHash: Hex;
}

/** One coherent juror's duty in one settled round, as ActivityCreditor credits it. */
export interface JuryDuty {
  disputeId: bigint;
  round: bigint;
  juror: Address;
}

/** Activity the ActivityCreditor reported as creditable and not yet credited (its views). */
export interface CreditableActivity {
  orderIds: readonly bigint[];
  ratedOrderIds: readonly bigint[];
  juryDuties: readonly JuryDuty[];
}

export interface KeeperState {
  /** Orders that are not terminal (Ordered, Delivered); others are ignored. */
  orders: readonly Order[];
  /** Disputes that are not executed. */
  disputes: readonly DisputeSnapshot[];
  /** Whether any juror can be drawn (DisputeCourt.totalDrawWeight > 0): advancing out of Evidence reverts otherwise. */
  canDraw: boolean;
  /** Proposals of the governor in office (only it can queue and execute through the timelock). */
  proposals: readonly ProposalSnapshot[];
  /** Null when no ActivityCreditor is deployed. */
  creditable: CreditableActivity | null;
}

export type KeeperAction =
  | { kind: 'release'; orderId: bigint }
  | { kind: 'refund'; orderId: bigint }
  | { kind: 'advance'; disputeId: bigint; period: Period; extraGas: bigint }
  | { kind: 'queue'; proposal: ProposalSnapshot }
  | { kind: 'execute'; proposal: ProposalSnapshot }
  | { kind: 'credit'; orderIds: bigint[]; ratedOrderIds: bigint[]; juryDuties: JuryDuty[] };

/** A short label for logs: "release order 3", "advance dispute 1 (evidence)", … */
export function describeKeeperAction(action: KeeperAction): string {
  switch (action.kind) {
    case 'release':
    case 'refund':
      return `${action.kind} order ${action.orderId}`;
    case 'advance':
      return `advance dispute ${action.disputeId} (${action.period})`;
    case 'queue':
    case 'execute':
      return `${action.kind} proposal ${action.proposal.id}`;
    case 'credit':
      return `credit ${action.orderIds.length} orders, ${action.ratedOrderIds.length} ratings, ${action.juryDuties.length} jury duties`;
  }
}

export interface KeeperPolicy {
  /** Also queue Succeeded proposals (anyone may; off by default, leaving it to the proposer). */
  queueProposals: boolean;
}

export const DEFAULT_POLICY: KeeperPolicy = { queueProposals: false };

/**
 * What the keeper should do at chain time `now` (the latest block's timestamp; the transactions
 * land in a later block, so every time condition that holds now still holds then).
 * Orders first (money waits there), then disputes, proposals and finally activity credits.
 */
export function planKeeperActions(state: KeeperState, now: number, policy: KeeperPolicy = DEFAULT_POLICY): KeeperAction[] {
  const actions: KeeperAction[] = [];
  for (const order of [...state.orders].sort((a, b) => compare(a.id, b.id))) {
    const allowed = allowedActions(order, undefined, now);
    if (allowed.release) actions.push({ kind: 'release', orderId: order.id });
    else if (allowed.refund) actions.push({ kind: 'refund', orderId: order.id });
  }
  for (const dispute of [...state.disputes].sort((a, b) => compare(a.id, b.id))) {
    if (!canAdvance(dispute, now)) continue;
    if (dispute.period === 'evidence' && !state.canDraw) continue;
    const extraGas = dispute.period === 'evidence' ? BigInt(seatsFor(dispute.round)) * DRAW_GAS_PER_SEAT : 0n;
    actions.push({ kind: 'advance', disputeId: dispute.id, period: dispute.period, extraGas });
  }
  for (const proposal of state.proposals) {
    if (proposal.state === 'Succeeded' && policy.queueProposals) actions.push({ kind: 'queue', proposal });
    else if (proposal.state === 'Queued' && proposal.eta > 0 && now >= proposal.eta) actions.push({ kind: 'execute', proposal });
  }
  const credit = state.creditable;
  if (credit && (credit.orderIds.length > 0 || credit.ratedOrderIds.length > 0 || credit.juryDuties.length > 0)) {
    actions.push({
      kind: 'credit',
      orderIds: credit.orderIds.slice(0, MAX_CREDIT_BATCH),
      ratedOrderIds: credit.ratedOrderIds.slice(0, MAX_CREDIT_BATCH),
      juryDuties: credit.juryDuties.slice(0, MAX_CREDIT_BATCH),
    });
  }
  return actions;
}

function compare(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
