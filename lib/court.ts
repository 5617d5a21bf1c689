// The dispute court in app form, shared by server and browser: periods, the timeline of a round,
// vote commitments (mirroring DisputeCourt.hashVote), saved votes, and the /disputes query.
import { encodeAbiParameters, isAddress, isHex, keccak256, type Address, type Hex } from 'viem';
import { isSafeUri } from './links';

/** DisputeCourt.Period, in enum order. */
export const PERIODS = ['evidence', 'commit', 'reveal', 'appeal', 'executed'] as const;
export type Period = (typeof PERIODS)[number];
export type TimedPeriod = Exclude<Period, 'executed'>;

export const PERIOD_LABELS: Record<Period, string> = {
  evidence: 'Evidence',
  commit: 'Commit',
  reveal: 'Reveal',
  appeal: 'Appeal',
  executed: 'Executed',
};

export const PERIOD_DESCRIPTIONS: Record<Period, string> = {
  evidence: 'Parties and anyone else submit evidence. When it ends, jurors are drawn by stake.',
  commit: 'Drawn jurors commit a hidden vote (a hash of their choice and a secret salt).',
  reveal: 'Jurors reveal their vote; the choice with the most seats wins the round.',
  appeal: 'The losing party may appeal, paying for a new round with more jurors.',
  executed: 'The ruling is final and was applied to the order’s escrow.',
};

export function periodFromIndex(index: number): Period {
  return PERIODS[index] ?? 'executed';
}

/** Rulings: 0 refused (split 50/50), 1 refund the buyer, 2 pay the seller. */
export const RULINGS = [0, 1, 2] as const;
export type Ruling = (typeof RULINGS)[number];
export const CHOICE_LABELS: Record<Ruling, string> = {
  0: 'Refuse to arbitrate (split 50/50)',
  1: 'Refund the buyer',
  2: 'Pay the seller',
};
export const RULING_OUTCOMES: Record<Ruling, string> = {
  0: 'Refused: the price is split 50/50 and nobody loses',
  1: 'For the buyer: the price is refunded',
  2: 'For the seller: the seller is paid',
};

export function isRuling(value: number): value is Ruling {
  return value === 0 || value === 1 || value === 2;
}

/** Seats drawn in a round (0-based): 3, 7, 15, … (DisputeCourt.seatsFor). */
export function seatsFor(round: number): number {
  return 4 * 2 ** round - 1;
}

export interface Durations {
  evidence: number;
  commit: number;
  reveal: number;
  appeal: number;
}

export type StepState = 'done' | 'current' | 'upcoming' | 'skipped';

export interface TimelineStep {
  period: Period;
  state: StepState;
  /** When the period started (known for done and current steps, from NewPeriod events). */
  startedAt: number | null;
  /** When it ends or ended by time: exact for the current step, the earliest possible for upcoming ones. */
  endsAt: number | null;
}

export interface TimelineInput {
  period: Period;
  periodStart: number;
  /** 0 once executed. */
  periodEnd: number;
  durations: Durations;
  /** True when this round is the last allowed one: it skips the Appeal period. */
  lastRound: boolean;
  /** Start of each period of the current round, from NewPeriod events. */
  starts: Partial<Record<Period, number>>;
}

/** The five steps of the current round: what is done, what runs now and the earliest the rest can come. */
export function timeline(input: TimelineInput): TimelineStep[] {
  const current = PERIODS.indexOf(input.period);
  let projected = input.periodEnd;
  return PERIODS.map((period, i): TimelineStep => {
    if (period === 'appeal' && input.lastRound) return { period, state: 'skipped', startedAt: null, endsAt: null };
    const startedAt = input.starts[period] ?? null;
    if (i < current) {
      const next = PERIODS.slice(i + 1).find((p) => input.starts[p] !== undefined);
      return { period, state: 'done', startedAt, endsAt: next ? (input.starts[next] ?? null) : null };
    }
    if (i === current) {
      return { period, state: 'current', startedAt: input.periodStart, endsAt: period === 'executed' ? null : input.periodEnd };
    }
    const startsAt = projected;
    const duration = period === 'executed' ? 0 : input.durations[period];
    projected = startsAt + duration;
    return { period, state: 'upcoming', startedAt: startsAt, endsAt: period === 'executed' ? null : projected };
  });
}

/** Whether `advance` would pass at chain time `now`: time is over, or every drawn juror acted. */
export function canAdvance(d: { period: Period; periodEnd: number; jurors: number; commits: number; reveals: number }, now: number): boolean {
  if (d.period === 'executed') return false;
  if (now >= d.periodEnd) return true;
  if (d.period === 'commit') return d.jurors > 0 && d.commits >= d.jurors;
  if (d.period === 'reveal') return d.jurors > 0 && d.reveals >= d.jurors;
  return false;
}

/** A countdown as a clock, "2d 03:04:05", "03:04:05" or "04:05" (the court's timeline; /orders uses format.ts's words). */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const days = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3_600);
  const m = Math.floor((s % 3_600) / 60);
  const sec = s % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  const clock = h > 0 || days > 0 ? `${pad(h)}:${pad(m)}:${pad(sec)}` : `${pad(m)}:${pad(sec)}`;
  return days > 0 ? `${days}d ${clock}` : clock;
}


// ─────────────────────────────── Votes ───────────────────────────────

export interface VoteTarget {
  chainId: number;
  court: Address;
  disputeId: bigint;
  round: number;
  juror: Address;
}

export interface SavedVote {
  choice: Ruling;
  salt: Hex;
}

/** DisputeCourt.hashVote: keccak256(abi.encode(choice, salt, juror, disputeId, round)). */
export function hashVote(choice: number, salt: Hex, juror: Address, disputeId: bigint, round: number): Hex {
  return keccak256(
    encodeAbiParameters(
      [{ type: 'uint256' }, { type: 'bytes32' }, { type: 'address' }, { type: 'uint256' }, { type: 'uint256' }],
      [BigInt(choice), salt, juror, disputeId, BigInt(round)],
    ),
  );
}

/** A fresh 32-byte secret salt from the platform's CSPRNG. */
export function randomSalt(): Hex {
  const bytes = new Uint8Array(32);
  globalThis.crypto.getRandomValues(bytes);
  return `0x${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** Where a vote is kept in localStorage: one key per chain, court, dispute, round and juror. */
export function voteStorageKey(t: VoteTarget): string {
  return `oso.vote.${t.chainId}.${t.court.toLowerCase()}.${t.disputeId}.${t.round}.${t.juror.toLowerCase()}`;
}

const VOTE_FILE_KIND = 'oso-court-vote';

/** The JSON file a juror downloads to keep its vote and salt (needed to reveal). */
export function voteFile(t: VoteTarget, vote: SavedVote): string {
  return JSON.stringify(
    {
      kind: VOTE_FILE_KIND,
      version: 1,
      chainId: t.chainId,
      court: t.court,
      disputeId: t.disputeId.toString(),
      round: t.round,
      juror: t.juror,
      choice: vote.choice,
      salt: vote.salt,
    },
    null,
    2,
  );
}

export function voteFileName(t: VoteTarget): string {
  return `oso-vote-dispute-${t.disputeId}-round-${t.round + 1}-${t.juror.slice(0, 10).toLowerCase()}.json`;
}

const isSalt = (v: unknown): v is Hex => typeof v === 'string' && isHex(v) && v.length === 66;

/** A vote stored in localStorage, or null when the stored value is missing or malformed. */
export function parseSavedVote(text: string | null): SavedVote | null {
  if (!text) return null;
  try {
    const v = JSON.parse(text) as { choice?: unknown; salt?: unknown };
    if (typeof v.choice !== 'number' || !isRuling(v.choice) || !isSalt(v.salt)) return null;
    return { choice: v.choice, salt: v.salt };
  } catch {
    return null;
  }
}

/** Reads a downloaded vote file and checks it is for `t`; an error in words otherwise. */
export function parseVoteFile(text: string, t: VoteTarget): { ok: true; vote: SavedVote } | { ok: false; error: string } {
  let v: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null) return { ok: false, error: 'This is not a vote file.' };
    v = parsed as Record<string, unknown>;
  } catch {
    return { ok: false, error: 'This is not a vote file (not JSON).' };
  }
  if (v.kind !== VOTE_FILE_KIND) return { ok: false, error: 'This is not an OSO vote file.' };
  if (typeof v.choice !== 'number' || !isRuling(v.choice) || !isSalt(v.salt)) return { ok: false, error: 'The vote file has no valid choice and salt.' };
  if (Number(v.chainId) !== t.chainId || typeof v.court !== 'string' || v.court.toLowerCase() !== t.court.toLowerCase()) {
    return { ok: false, error: 'This vote file is for another network or court.' };
  }
  if (String(v.disputeId) !== t.disputeId.toString() || Number(v.round) !== t.round) {
    return { ok: false, error: `This vote file is for another dispute or round (dispute ${String(v.disputeId)}, round ${Number(v.round) + 1}).` };
  }
  if (typeof v.juror !== 'string' || !isAddress(v.juror) || v.juror.toLowerCase() !== t.juror.toLowerCase()) {
    return { ok: false, error: 'This vote file belongs to another juror account.' };
  }
  return { ok: true, vote: { choice: v.choice, salt: v.salt } };
}

// ─────────────────────────────── Evidence ───────────────────────────────

export const MAX_EVIDENCE_TEXT = 16_000;
export const MAX_EVIDENCE_URI_BYTES = 256;

export type EvidenceInput = { mode: 'text'; text: string } | { mode: 'uri'; uri: string };

/** Checks evidence (or a dispute's reason: `what`) before anything is stored or sent; an error in words. */
export function checkEvidence(input: EvidenceInput, what = 'evidence'): string | null {
  if (input.mode === 'text') {
    const text = input.text.trim();
    if (text === '') return `Write the ${what} first.`;
    if (text.length > MAX_EVIDENCE_TEXT) return `Keep it under ${MAX_EVIDENCE_TEXT.toLocaleString('en')} characters.`;
    return null;
  }
  const uri = input.uri.trim();
  if (uri === '') return 'Enter the link to the document.';
  if (new TextEncoder().encode(uri).length > MAX_EVIDENCE_URI_BYTES) return `The link is longer than ${MAX_EVIDENCE_URI_BYTES} bytes.`;
  if (!isSafeUri(uri)) return 'The link must be an https:// or ipfs:// link.';
  return null;
}

/** Who submitted a piece of evidence, as the dispute page labels it. */
export function partyLabel(party: string, buyer: string | null, seller: string | null): 'buyer' | 'seller' | 'third party' {
  const p = party.toLowerCase();
  if (buyer && p === buyer.toLowerCase()) return 'buyer';
  if (seller && p === seller.toLowerCase()) return 'seller';
  return 'third party';
}

/** Who may appeal a ruling: the party it goes against, either one after a refusal. */
export function mayAppeal(ruling: number, account: string | undefined, buyer: string, seller: string): boolean {
  if (!account) return false;
  const a = account.toLowerCase();
  const isBuyer = a === buyer.toLowerCase();
  const isSeller = a === seller.toLowerCase();
  if (ruling === 1) return isSeller;
  if (ruling === 2) return isBuyer;
  return isBuyer || isSeller;
}

// ─────────────────────────────── The list ───────────────────────────────

export const DISPUTES_PAGE_SIZE = 20;
export const DISPUTE_FILTERS = ['all', 'open', 'closed', 'party', 'juror'] as const;
export type DisputeFilter = (typeof DISPUTE_FILTERS)[number];
export const DISPUTE_FILTER_LABELS: Record<DisputeFilter, string> = {
  all: 'All',
  open: 'Open',
  closed: 'Closed',
  party: 'Mine as party',
  juror: 'Mine as juror',
};

export interface DisputeQuery {
  filter: DisputeFilter;
  /** The account "mine" filters are about (from the connected wallet, put in the URL). */
  account: Address | null;
  page: number;
}

type SearchParams = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export function parseDisputeQuery(params: SearchParams): DisputeQuery {
  const f = first(params.filter);
  const filter = (DISPUTE_FILTERS as readonly string[]).includes(f ?? '') ? (f as DisputeFilter) : 'all';
  const a = first(params.account);
  const account = a && isAddress(a) ? a : null;
  const p = Number(first(params.page));
  return { filter, account, page: Number.isSafeInteger(p) && p >= 1 ? p : 1 };
}

export function disputeQueryString(q: DisputeQuery): string {
  const params = new URLSearchParams();
  if (q.filter !== 'all') params.set('filter', q.filter);
  if (q.account && (q.filter === 'party' || q.filter === 'juror')) params.set('account', q.account);
  if (q.page > 1) params.set('page', String(q.page));
  const s = params.toString();
  return s ? `?${s}` : '';
}

export interface DisputeListItem {
  id: bigint;
  period: Period;
  round: number;
  buyer: Address | null;
  seller: Address | null;
  /** Every juror drawn in any round, lower-case. */
  jurors: string[];
}

/** The page of disputes a query selects, newest first. */
export function selectDisputes<T extends DisputeListItem>(all: readonly T[], q: DisputeQuery): { items: T[]; total: number; page: number; pageCount: number } {
  const me = q.account?.toLowerCase();
  const matches = (d: T): boolean => {
    switch (q.filter) {
      case 'open':
        return d.period !== 'executed';
      case 'closed':
        return d.period === 'executed';
      case 'party':
        return !!me && (d.buyer?.toLowerCase() === me || d.seller?.toLowerCase() === me);
      case 'juror':
        return !!me && d.jurors.includes(me);
      default:
        return true;
    }
  };
  const selected = all.filter(matches).sort((a, b) => (b.id > a.id ? 1 : b.id < a.id ? -1 : 0));
  const pageCount = Math.max(1, Math.ceil(selected.length / DISPUTES_PAGE_SIZE));
  const page = Math.min(q.page, pageCount);
  return { items: selected.slice((page - 1) * DISPUTES_PAGE_SIZE, page * DISPUTES_PAGE_SIZE), total: selected.length, page, pageCount };
}
