import { PERIOD_LABELS, isRuling, RULING_OUTCOMES, type Period } from '@/lib/court';

const colors: Record<Period, string> = {
  evidence: 'bg-sky-100 text-sky-900',
  commit: 'bg-violet-100 text-violet-900',
  reveal: 'bg-amber-100 text-amber-900',
  appeal: 'bg-orange-100 text-orange-900',
  executed: 'bg-slate-200 text-slate-800',
};

/** The period and round of a dispute, e.g. "Commit · round 2", or "Ruled" once executed. */
export function DisputeBadge({ period, round }: { period: Period; round: number }) {
  return (
    <span data-testid="dispute-badge" data-period={period} className={`rounded-full px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${colors[period]}`}>
      {period === 'executed' ? 'Ruled' : PERIOD_LABELS[period]} · round {round + 1}
    </span>
  );
}

/** The ruling of a dispute in words. */
export function rulingText(ruling: number): string {
  return isRuling(ruling) ? RULING_OUTCOMES[ruling] : `Ruling ${ruling}`;
}
