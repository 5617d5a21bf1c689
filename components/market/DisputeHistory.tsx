import Link from 'next/link';
import { OUTCOME_LABELS, type DisputeOutcome } from '@/lib/disputeHistory';
import { formatEth, shortAddress } from '@/lib/format';
import { COURT_PERIOD_LABELS } from '@/lib/jurors';
import type { DisputeHistory as History } from '@/lib/server/disputeHistory';

const outcomeColors: Record<DisputeOutcome, string> = {
  open: 'bg-amber-100 text-amber-900',
  won: 'bg-green-100 text-green-900',
  lost: 'bg-red-100 text-red-900',
  split: 'bg-slate-100 text-slate-800',
};

const RULINGS = ['refused, price split', 'for the buyer', 'for the seller'] as const;

/** A collaborator's disputes as seller and as buyer, each linking to the court's page. */
export function DisputeHistory({ history }: { history: History }) {
  const { counts, entries } = history;
  return (
    <section className="card flex flex-col gap-3" aria-labelledby="disputes">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="disputes" className="text-xl font-semibold">
          Disputes
        </h2>
        <p className="text-sm text-slate-700" data-testid="dispute-counts">
          {counts.against} against as seller · {counts.opened} opened as buyer · {counts.won} won · {counts.lost} lost
          {counts.split > 0 ? ` · ${counts.split} split` : ''}
          {counts.open > 0 ? ` · ${counts.open} open` : ''}
        </p>
      </div>
      {entries.length === 0 ? (
        <p className="text-slate-700">No disputes.</p>
      ) : (
        <ul className="divide-y divide-slate-200" aria-label="Dispute history">
          {entries.map((e) => (
            <li
              key={`${e.disputeId}-${e.role}`}
              className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm"
              data-testid="dispute-history-row"
              data-outcome={e.outcome}
            >
              <span>
                <Link href={`/disputes/${e.disputeId}`} className="font-semibold">
                  Dispute #{String(e.disputeId)}
                </Link>{' '}
                on order #{String(e.orderId)} ·{' '}
                {e.role === 'seller' ? (
                  <>
                    opened against them by <Link href={`/collaborators/${e.counterparty}`}>{shortAddress(e.counterparty)}</Link>
                  </>
                ) : (
                  <>
                    opened by them against <Link href={`/collaborators/${e.counterparty}`}>{shortAddress(e.counterparty)}</Link>
                  </>
                )}
                {e.ruling !== null ? <> · ruled {RULINGS[e.ruling] ?? `#${e.ruling}`}</> : null}
                {e.period ? (
                  <>
                    {' '}
                    · {COURT_PERIOD_LABELS[e.period].toLowerCase()} period{e.round > 0 ? `, appeal round ${e.round}` : ''}
                  </>
                ) : null}
                {e.slashed > 0n ? <> · bond slashed {formatEth(e.slashed)}</> : null}
              </span>
              <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${outcomeColors[e.outcome]}`}>{OUTCOME_LABELS[e.outcome]}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
