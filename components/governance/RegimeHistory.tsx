import { formatDateTime } from '@/lib/format';
import type { RegimeChange } from '@/lib/server/regimeHistory';

const NAMES = { none: 'no regime', monarchy: 'the monarchy', council: 'the council', democracy: 'the democracy' } as const;

/** The Constitution's regimes so far: the founding one, then every switch, oldest first. */
export function RegimeHistory({ changes }: { changes: readonly RegimeChange[] }) {
  if (changes.length === 0) return null;
  return (
    <section className="card" aria-label="Regime history">
      <h2 className="text-lg font-semibold">History of the regime</h2>
      <ol className="mt-2 flex flex-col gap-1 text-sm" data-testid="regime-history">
        {changes.map((c) => (
          <li key={c.blockNumber.toString()}>
            <span className="text-slate-600">{formatDateTime(c.at)}</span>{' '}
            {c.from === 'none' ? `Founded as ${NAMES[c.to]}` : `From ${NAMES[c.from]} to ${NAMES[c.to]}`}{' '}
            <span className="font-mono text-xs break-all text-slate-600">({c.regime})</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
