'use client';
// The Voting weight section of /me for the connected account: its weight in the democracy now, how
// activity points are earned, its points per recent period, and its work not yet credited with a
// button that credits it (creditAll). Data comes from /api/activity/[address] (lib/server/activity.ts),
// read again at every new block and right after the claim.
import { useQuery } from '@tanstack/react-query';
import type { Address } from 'viem';
import { useAccount, useBlock } from 'wagmi';
import { useContractWrite } from '../wallet/useContractWrite';
import { useWalletLoader } from '../wallet/WalletLoader';
import type { ActivityReport } from '@/lib/activity';
import { formatDate, formatDuration } from '@/lib/format';

async function fetchActivity(address: Address): Promise<ActivityReport> {
  const response = await fetch(`/api/activity/${address}`, { cache: 'no-store' });
  const body = (await response.json()) as ActivityReport | { error: string };
  if (!response.ok || 'error' in body) throw new Error('error' in body ? body.error : `HTTP ${response.status}`);
  return body;
}

export default function Activity() {
  const { config } = useWalletLoader();
  const { address } = useAccount();
  const block = useBlock({ watch: true, chainId: config?.chainId });
  const { send, busy } = useContractWrite();
  const report = useQuery({
    queryKey: ['activity', address, block.data?.number?.toString()],
    enabled: !!address,
    placeholderData: (previous) => previous,
    queryFn: () => fetchActivity(address!),
  });

  if (!address) return <p className="text-slate-700">Connect a wallet to see your voting weight.</p>;
  if (report.isError) return <p role="alert" className="text-red-800">Your activity could not be read: {report.error.message}</p>;
  if (!report.data) return <p className="text-slate-700">Reading your activity…</p>;
  const r = report.data;
  const pending = r.pending;
  const pieces = pending.orders.length + pending.ratings.length + pending.duties.length;

  async function claim() {
    const outcome = await send({
      module: 'ActivityCreditor',
      functionName: 'creditAll',
      args: [
        pending.orders.map(BigInt),
        pending.ratings.map(BigInt),
        pending.duties.map((x) => ({ disputeId: BigInt(x.disputeId), round: BigInt(x.round), juror: address! })),
      ],
      label: 'Claim activity points',
    });
    if (outcome.ok) await report.refetch();
  }

  return (
    <div className="grid gap-6 md:grid-cols-2">
      <section className="card flex flex-col gap-3" aria-labelledby="activity-weight">
        <h3 id="activity-weight" className="text-xl font-semibold">
          Voting weight now
        </h3>
        <p>
          <span className="text-2xl font-bold" data-testid="voting-weight">
            {r.weight}
          </span>{' '}
          <span className="text-slate-700">activity points from the last {r.rules.window} completed periods</span>
        </p>
        <p className="text-sm text-slate-700">
          In the democracy, a proposal counts the points you earned in the {r.rules.window} periods of {formatDuration(r.rules.periodLength)} before its snapshot.
          Points land in the period in which they are credited and count once that period has ended.
        </p>
        <ul className="list-disc pl-5 text-sm" data-testid="activity-rules">
          <li>{r.rules.orderPoints} points to each side of a settled order</li>
          <li>{r.rules.ratingPoints} points to the buyer for rating an order</li>
          <li>{r.rules.juryPointsPerSeat} points per jury seat that voted with the ruling</li>
        </ul>
      </section>
      <section className="card flex flex-col gap-3" aria-labelledby="activity-periods">
        <h3 id="activity-periods" className="text-xl font-semibold">
          Your points by period
        </h3>
        <table className="text-sm" data-testid="activity-periods">
          <thead>
            <tr className="text-left text-slate-600">
              <th className="font-normal">Period</th>
              <th className="font-normal">Points</th>
              <th className="font-normal">Counts now</th>
            </tr>
          </thead>
          <tbody>
            {r.periods.map((p) => (
              <tr key={p.period}>
                <td>
                  {formatDate(p.start)} – {formatDate(p.end)}
                </td>
                <td>{p.points}</td>
                <td>{p.current ? 'after it ends' : p.counted ? 'yes' : 'no'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="card flex flex-col gap-3 md:col-span-2" aria-labelledby="activity-pending">
        <h3 id="activity-pending" className="text-xl font-semibold">
          Work not yet credited
        </h3>
        {pieces === 0 ? (
          <p className="text-slate-700" data-testid="activity-pending">
            All your settled orders, ratings and jury duty are credited.
          </p>
        ) : (
          <>
            <ul className="list-disc pl-5 text-sm" data-testid="activity-pending">
              {pending.orders.length > 0 ? <li>Settled orders: {pending.orders.map((id) => `#${id}`).join(', ')}</li> : null}
              {pending.ratings.length > 0 ? <li>Ratings you gave: orders {pending.ratings.map((id) => `#${id}`).join(', ')}</li> : null}
              {pending.duties.length > 0 ? (
                <li>Jury duty: {pending.duties.map((x) => `dispute #${x.disputeId} round ${x.round + 1} (${x.seats} seat${x.seats === 1 ? '' : 's'})`).join(', ')}</li>
              ) : null}
            </ul>
            <button type="button" className="btn-primary self-start" disabled={busy} onClick={() => void claim()}>
              Claim {pending.points} activity points
            </button>
          </>
        )}
        <p className="text-sm text-slate-600">The keeper agent credits finished work automatically within seconds; anyone may credit it sooner, as this button does.</p>
      </section>
    </div>
  );
}
