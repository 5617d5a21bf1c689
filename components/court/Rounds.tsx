import { CHOICE_LABELS, PERIODS, isRuling } from '@/lib/court';
import { formatEth, shortAddress } from '@/lib/format';
import type { Ballot, DisputeDetail, RoundDetail } from '@/lib/server/court';
import { rulingText } from './DisputeBadge';

/** Every round, newest first: jurors drawn, their votes once revealed, tallies and what each earned or lost. */
export function Rounds({ d }: { d: DisputeDetail }) {
  return (
    <section className="card flex flex-col gap-5" aria-labelledby="rounds-heading">
      <h2 id="rounds-heading" className="text-lg font-semibold">
        Jury
      </h2>
      {[...d.rounds].reverse().map((r) => (
        <RoundView key={r.index} r={r} current={r.index === d.round} period={d.period} />
      ))}
    </section>
  );
}

function RoundView({ r, current, period }: { r: RoundDetail; current: boolean; period: DisputeDetail['period'] }) {
  // Before the reveal period nothing is revealed; show tallies from then on.
  const revealing = !current || PERIODS.indexOf(period) >= PERIODS.indexOf('reveal');
  const drawn = r.ballots.length > 0;
  return (
    <div className="flex flex-col gap-3" data-testid="round" data-round={r.index}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="font-semibold">
          Round {r.index + 1} · {r.seats} seats
        </h3>
        <p className="text-sm text-slate-700">
          Fees {formatEth(r.fees, 18)}
          {r.appeal ? (
            <>
              {' '}
              · appealed by <span className="font-mono">{shortAddress(r.appeal.appellant)}</span>
            </>
          ) : null}
        </p>
      </div>
      {!drawn ? (
        <p className="text-sm text-slate-700">Jurors are drawn by stake when the evidence period ends.</p>
      ) : (
        <>
          <p className="text-sm text-slate-700" data-testid="round-progress">
            {r.commits} of {r.ballots.length} juror{r.ballots.length === 1 ? '' : 's'} committed · {r.reveals} revealed
            {r.settled ? (
              <>
                {' '}
                · <span className="font-semibold">{rulingText(r.ruling)}</span>
              </>
            ) : null}
          </p>
          {revealing ? <Tally votes={r.votes} seats={r.seats} /> : null}
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="ballots">
              <thead className="text-xs text-slate-600">
                <tr>
                  <th className="py-1 pr-3 font-medium">Juror</th>
                  <th className="py-1 pr-3 font-medium">Seats</th>
                  <th className="py-1 pr-3 font-medium">Vote</th>
                  <th className="py-1 font-medium">Outcome</th>
                </tr>
              </thead>
              <tbody>
                {r.ballots.map((b) => (
                  <tr key={b.juror} className="border-t border-slate-100" data-testid="ballot" data-juror={b.juror.toLowerCase()}>
                    <td className="py-1.5 pr-3 font-mono text-xs" title={b.juror}>
                      {shortAddress(b.juror)}
                    </td>
                    <td className="py-1.5 pr-3">{b.seats}</td>
                    <td className="py-1.5 pr-3" data-testid="ballot-vote">
                      {b.revealed ? (isRuling(b.choice) ? CHOICE_LABELS[b.choice] : `Choice ${b.choice}`) : b.committed ? 'Committed (hidden)' : 'Not committed'}
                    </td>
                    <td className="py-1.5" data-testid="ballot-outcome">
                      <Outcome b={b} settled={r.settled} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}

function Outcome({ b, settled }: { b: Ballot; settled: boolean }) {
  if (!settled || !b.settlement) return <span className="text-slate-600">{formatEth(b.locked, 18)} locked</span>;
  const s = b.settlement;
  if (s.reward > 0n) return <span className="text-green-800">+{formatEth(s.reward, 18)} reward</span>;
  if (s.penalty > 0n) return <span className="text-red-800">−{formatEth(s.penalty, 18)} stake lost</span>;
  return <span className="text-slate-700">stake released</span>;
}

const TALLY_LABELS = { 1: 'Refund the buyer', 2: 'Pay the seller', 0: 'Refuse (split 50/50)' } as const;

function Tally({ votes, seats }: { votes: [number, number, number]; seats: number }) {
  const order = [1, 2, 0] as const;
  return (
    <ul className="flex flex-col gap-1" data-testid="tally" aria-label="Revealed votes by seats">
      {order.map((c) => (
        <li key={c} className="grid grid-cols-[11rem_1fr_3rem] items-center gap-2 text-sm" data-choice={c}>
          <span className="text-slate-700">{TALLY_LABELS[c]}</span>
          <span className="h-2 rounded-full bg-slate-100" aria-hidden>
            <span className="block h-2 rounded-full bg-brand-600" style={{ width: `${seats === 0 ? 0 : (votes[c] / seats) * 100}%` }} />
          </span>
          <span className="text-right tabular-nums" data-testid="tally-count">
            {votes[c]}
          </span>
        </li>
      ))}
    </ul>
  );
}
