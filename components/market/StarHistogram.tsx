/** A rating summary: average, count and a bar per star (5 → 1). Pure markup, server-rendered. */
export function StarHistogram({ histogram }: { histogram: readonly number[] }) {
  const count = histogram.reduce((a, b) => a + b, 0);
  const sum = histogram.reduce((acc, n, i) => acc + n * (i + 1), 0);
  const max = Math.max(1, ...histogram);
  return (
    <div className="flex flex-col gap-2" data-testid="rating-summary">
      <p>
        <span className="text-3xl font-bold" data-testid="rating-average">
          {count === 0 ? '—' : (sum / count).toFixed(1)}
        </span>{' '}
        <span className="text-slate-700">
          {count === 0 ? 'no ratings yet' : `from ${count} rating${count === 1 ? '' : 's'}`}
        </span>
      </p>
      <ul className="flex flex-col gap-1" aria-label="Ratings by stars">
        {[5, 4, 3, 2, 1].map((stars) => {
          const n = histogram[stars - 1] ?? 0;
          return (
            <li key={stars} className="flex items-center gap-2 text-sm">
              <span className="w-12 text-slate-700">{stars} ★</span>
              <span className="h-2 flex-1 overflow-hidden rounded bg-slate-200" aria-hidden>
                <span className="block h-full bg-amber-500" style={{ width: `${(n / max) * 100}%` }} />
              </span>
              <span className="w-8 text-right tabular-nums" aria-label={`${n} ratings with ${stars} stars`}>
                {n}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
