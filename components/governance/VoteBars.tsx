// For / Against / Abstain as proportional bars, and quorum progress (server-rendered).
import { percentOf } from '@/lib/governance';

export function VoteBars({ votes }: { votes: { for: bigint; against: bigint; abstain: bigint } }) {
  const total = votes.for + votes.against + votes.abstain;
  const rows = [
    { label: 'For', value: votes.for, color: 'bg-green-600' },
    { label: 'Against', value: votes.against, color: 'bg-red-600' },
    { label: 'Abstain', value: votes.abstain, color: 'bg-slate-500' },
  ];
  return (
    <dl className="grid grid-cols-[5rem_1fr_4rem] items-center gap-x-2 gap-y-1 text-sm" data-testid="vote-bars">
      {rows.map((r) => (
        <div key={r.label} className="contents">
          <dt className="text-slate-700">{r.label}</dt>
          <dd className="h-2 rounded bg-slate-100" aria-hidden="true">
            <div className={`h-2 rounded ${r.color}`} style={{ width: `${percentOf(r.value, total)}%` }} />
          </dd>
          <dd className="text-right tabular-nums" data-testid={`votes-${r.label.toLowerCase()}`}>
            {r.value.toString()}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function QuorumBar({ counted, quorum }: { counted: bigint; quorum: bigint }) {
  const pct = Math.min(100, percentOf(counted, quorum));
  return (
    <div className="text-sm">
      <div className="h-2 rounded bg-slate-100" aria-hidden="true">
        <div className="h-2 rounded bg-blue-600" style={{ width: `${pct}%` }} />
      </div>
      <p className="mt-1 text-slate-700" data-testid="quorum">
        Quorum: {counted.toString()} of {quorum.toString()} votes needed (For and Abstain count){counted >= quorum ? ' — reached' : ''}
      </p>
    </div>
  );
}

const stateColors: Record<string, string> = {
  Pending: 'bg-slate-100 text-slate-800',
  Active: 'bg-blue-100 text-blue-900',
  Canceled: 'bg-slate-200 text-slate-800',
  Defeated: 'bg-red-100 text-red-900',
  Succeeded: 'bg-green-100 text-green-900',
  Queued: 'bg-amber-100 text-amber-900',
  Expired: 'bg-slate-200 text-slate-800',
  Executed: 'bg-green-200 text-green-950',
};

export function ProposalStateBadge({ state }: { state: string }) {
  return (
    <span data-testid="proposal-state" className={`rounded-full px-2 py-0.5 text-xs font-semibold ${stateColors[state] ?? stateColors.Pending}`}>
      {state}
    </span>
  );
}
