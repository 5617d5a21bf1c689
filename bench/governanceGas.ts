// The bench's "Governance gas, side by side" section: the `anchor-`, `council-` and `democracy-`
// figures that contracts/test/governance/GovernanceGas.t.sol prints in the bench's forge gas run,
// one row per action, each regime's gas as a multiple of the anchor's (a stock OpenZeppelin
// Governor over an ERC20Votes token) against issue 5's budgets.

/** One `gas <action> <gas> budget <budget>` line of the forge gas run. */
export interface GasSample {
  action: string;
  gas: number;
  budget: number | null;
}

/** The governors measured against the anchor, in column order. */
const REGIMES = ['council', 'democracy'] as const;
type Regime = (typeof REGIMES)[number];
const ANCHOR = 'anchor';
const SIDE_BY_SIDE = /^(anchor|council|democracy)-(.+)$/;

interface RatioBudget {
  /** Highest allowed regime gas, in percent of the anchor's. */
  maxPct: number;
  /** `issue`: issue 5's budget; `guard`: the forge test's own regression guard. */
  source: 'issue' | 'guard';
  /** The anchor action compared with, when the anchor has no such action itself. */
  anchorAction?: string;
}

/** Rows in display order, with their budgets as multiples of the anchor (see GovernanceGas.t.sol). */
const RATIO_BUDGETS: Record<string, RatioBudget> = {
  propose: { maxPct: 120, source: 'issue' },
  'castVote-first': { maxPct: 100, source: 'issue' },
  castVote: { maxPct: 100, source: 'issue' },
  // The one democracy vote that reaches quorum late and extends the deadline; the anchor has no
  // late-quorum protection, so it is compared with the anchor's first vote.
  'castVote-late-quorum': { maxPct: 115, source: 'guard', anchorAction: 'castVote-first' },
  queue: { maxPct: 120, source: 'guard' },
  execute: { maxPct: 120, source: 'guard' },
};

export interface GovernanceGasRow {
  action: string;
  gas: Record<Regime, number | undefined>;
  anchor: number | undefined;
  /** The anchor action `anchor` was measured on, when it is not `action`. */
  anchorAction?: string;
  budget: RatioBudget | undefined;
  /** Every measured regime within the budget; undefined without an anchor or a budget. */
  met: boolean | undefined;
}

/** Whether a gas line belongs to the side-by-side table rather than the per-action table. */
export function isSideBySide(action: string): boolean {
  return SIDE_BY_SIDE.test(action);
}

/** Groups the side-by-side gas lines by action: budgeted actions first, in RATIO_BUDGETS order. */
export function governanceGasRows(samples: readonly GasSample[]): GovernanceGasRow[] {
  const byAction = new Map<string, Map<string, number>>();
  for (const { action, gas } of samples) {
    const match = SIDE_BY_SIDE.exec(action);
    if (!match) continue;
    const who = match[1]!;
    const what = match[2]!;
    if (!byAction.has(what)) byAction.set(what, new Map());
    byAction.get(what)!.set(who, gas);
  }
  const gasOf = (who: string, what: string) => byAction.get(what)?.get(who);
  const order = Object.keys(RATIO_BUDGETS);
  const rank = (action: string) => (order.includes(action) ? order.indexOf(action) : order.length);
  const actions = [...byAction.keys()].filter((action) => REGIMES.some((regime) => gasOf(regime, action) !== undefined));
  return actions
    .sort((a, b) => rank(a) - rank(b))
    .map((action) => {
      const budget = RATIO_BUDGETS[action];
      const anchorAction = gasOf(ANCHOR, action) === undefined ? budget?.anchorAction : undefined;
      const anchor = gasOf(ANCHOR, anchorAction ?? action);
      const gas = { council: gasOf('council', action), democracy: gasOf('democracy', action) };
      const measured = REGIMES.map((regime) => gas[regime]).filter((g): g is number => g !== undefined);
      const met =
        anchor === undefined || budget === undefined ? undefined : measured.every((g) => g * 100 <= anchor * budget.maxPct);
      return { action, gas, anchor, anchorAction, budget, met };
    });
}

const fmt = (gas: number | undefined) => (gas === undefined ? '—' : gas.toLocaleString('en'));
const ratio = (gas: number | undefined, anchor: number | undefined) =>
  gas === undefined || anchor === undefined ? '—' : `${(gas / anchor).toFixed(2)}×`;

/** The markdown section for bench/results.md. */
export function governanceGasSection(samples: readonly GasSample[]): string[] {
  const rows = governanceGasRows(samples);
  if (rows.length === 0) return [];
  return [
    '## Governance gas, side by side',
    '',
    'From `contracts/test/governance/GovernanceGas.t.sol`, in the same forge run as the table above: each regime\'s governor and the anchor — OpenZeppelin Contracts Wizard\'s stock Governor (settings, simple counting, votes, quorum fraction, timelock control) over an `ERC20Votes` token, `contracts/test/governance/mocks/AnchorGovernor.sol` — on the same proposal in the same situation, `gasleft()` around the call, without the 21,000 base and calldata. Issue 5 budgets: `castVote` ≤ 1.0× the anchor\'s, `propose` ≤ 1.2×. `queue` and `execute` are guarded by the test at 1.2×, and the democracy\'s late-quorum vote (the one vote that reaches quorum in the last extension window and extends the deadline; the anchor has no such protection) at 1.15× the anchor\'s first vote. The ratio is council / democracy. The monarchy and ActivityVotes have no anchor and stay in the table above.',
    '',
    '| action | council | democracy | OZ anchor (Governor + ERC20Votes) | ratio | budget | met? |',
    '|---|---:|---:|---:|---|---|---|',
    ...rows.map((row) => {
      const anchor = row.anchorAction ? `${fmt(row.anchor)} (${row.anchorAction})` : fmt(row.anchor);
      const ratios = REGIMES.map((regime) => ratio(row.gas[regime], row.anchor)).join(' / ');
      const budget = row.budget
        ? `≤ ${(row.budget.maxPct / 100).toFixed(2).replace(/0$/, '')}×${row.budget.source === 'guard' ? ' (test guard)' : ''}`
        : '—';
      const met = row.met === undefined ? '' : row.met ? 'met' : '**MISSED**';
      return `| ${row.action} | ${fmt(row.gas.council)} | ${fmt(row.gas.democracy)} | ${anchor} | ${ratios} | ${budget} | ${met} |`;
    }),
    '',
  ];
}
