'use client';
// The Court section of /me for the connected account: its juror stake (stake, unstake — refused
// with the reason while draws lock it), rewards to withdraw, coherence, and the disputes it was
// drawn in with its vote in each. Data comes from /api/jurors/[address] (lib/server/jurors.ts),
// read again at every new block and right after each transaction.
import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { Address } from 'viem';
import { useAccount, useBalance, useBlock } from 'wagmi';
import { useContractWrite } from '../wallet/useContractWrite';
import { useWalletLoader } from '../wallet/WalletLoader';
import { TextField } from './ProfileFields';
import { formatDateTime, formatDuration, formatEth } from '@/lib/format';
import {
  COURT_PERIOD_LABELS,
  VOTE_STATE_LABELS,
  coherenceOf,
  openDraws,
  seatsFor,
  validateStake,
  validateUnstake,
  voteState,
  type JurorDraw,
  type JurorReport,
  type VoteState,
} from '@/lib/jurors';

async function fetchJuror(address: Address): Promise<JurorReport> {
  const response = await fetch(`/api/jurors/${address}`, { cache: 'no-store' });
  const body = (await response.json()) as JurorReport | { error: string };
  if (!response.ok || 'error' in body) throw new Error('error' in body ? body.error : `HTTP ${response.status}`);
  return body;
}

type Send = ReturnType<typeof useContractWrite>['send'];

export default function Court() {
  const { config } = useWalletLoader();
  const { address } = useAccount();
  const block = useBlock({ watch: true, chainId: config?.chainId });
  const { send, busy } = useContractWrite();
  const report = useQuery({
    queryKey: ['juror', address, block.data?.number?.toString()],
    enabled: !!address,
    placeholderData: (previous) => previous,
    queryFn: () => fetchJuror(address!),
  });

  if (!address) return <p className="text-slate-700">Connect a wallet to stake as a juror and follow your draws.</p>;
  if (report.isError) return <p role="alert" className="text-red-800">Your juror record could not be read: {report.error.message}</p>;
  if (!report.data) return <p className="text-slate-700">Reading your juror record…</p>;
  const r = report.data;
  // Send, then read the report again at once (the block watcher would within a few seconds).
  const sendAndRefresh: Send = async (request) => {
    const outcome = await send(request);
    if (outcome.ok) await report.refetch();
    return outcome;
  };
  return (
    <div className="flex flex-col gap-6">
      <div className="grid gap-6 md:grid-cols-2">
        <StakeCard report={r} send={sendAndRefresh} busy={busy} />
        <RewardsCard report={r} send={sendAndRefresh} busy={busy} />
      </div>
      <DrawsCard report={r} />
    </div>
  );
}

function StakeCard({ report: r, send, busy }: { report: JurorReport; send: Send; busy: boolean }) {
  const stake = BigInt(r.stake);
  const locked = BigInt(r.locked);
  const minStake = BigInt(r.minStake);
  const lockPerSeat = BigInt(r.lockPerSeat);
  const drawable = BigInt(r.drawWeight) > 0n;
  return (
    <section className="card flex flex-col gap-4" aria-labelledby="court-stake">
      <h3 id="court-stake" className="text-xl font-semibold">
        Juror stake
      </h3>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-600">Staked</dt>
        <dd className="font-semibold" data-testid="juror-stake">
          {formatEth(stake, 18)}
        </dd>
        <dt className="text-slate-600">Locked by draws</dt>
        <dd data-testid="juror-locked">{formatEth(locked, 18)}</dd>
        <dt className="text-slate-600">In the draw</dt>
        <dd data-testid="juror-drawable">
          {drawable
            ? 'Yes — your chance of each seat follows your free stake'
            : stake === 0n
              ? 'No — stake to be drawn'
              : stake < minStake
                ? 'No — your stake is below the minimum'
                : 'No — your free stake is below what a seat locks'}
        </dd>
      </dl>
      <p className="text-xs text-slate-600">
        Minimum stake <span data-testid="min-stake">{formatEth(minStake, 18)}</span>; each seat you are drawn for locks {formatEth(lockPerSeat, 18)} until
        its round is settled. Voting with the majority earns a share of the fees and of the locks of jurors who did not; voting
        against it or not revealing loses the lock.
      </p>
      <StakeForm stake={stake} minStake={minStake} send={send} busy={busy} />
      <UnstakeForm report={r} send={send} busy={busy} />
    </section>
  );
}

function StakeForm({ stake, minStake, send, busy }: { stake: bigint; minStake: bigint; send: Send; busy: boolean }) {
  const { address } = useAccount();
  const balance = useBalance({ address, query: { enabled: !!address } });
  const [amount, setAmount] = useState('');
  const [error, setError] = useState<string | undefined>();
  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = validateStake(amount, { stake, minStake, balance: balance.data?.value ?? null });
    setError(checked.ok ? undefined : checked.error);
    if (!checked.ok) return;
    const outcome = await send({ module: 'DisputeCourt', functionName: 'stake', args: [], value: checked.wei, label: 'Stake' });
    if (outcome.ok) setAmount('');
  }
  const hint = stake < minStake ? `Your first stake must be at least ${formatEth(minStake - stake, 18)}.` : 'Adds to your stake.';
  return (
    <form onSubmit={submit} noValidate className="flex flex-wrap items-start gap-2" aria-label="Stake">
      <div className="min-w-48 flex-1">
        <TextField id="stakeAmount" label="Amount to stake (ETH)" value={amount} onChange={setAmount} error={error} hint={hint} inputMode="decimal" />
      </div>
      <button type="submit" className="btn-primary mt-6" disabled={busy}>
        Stake
      </button>
    </form>
  );
}

function UnstakeForm({ report: r, send, busy }: { report: JurorReport; send: Send; busy: boolean }) {
  const stake = BigInt(r.stake);
  const locked = BigInt(r.locked);
  const minStake = BigInt(r.minStake);
  const [amount, setAmount] = useState('');
  const [error, setError] = useState<string | undefined>();
  if (stake === 0n) return null;
  const lockedIn = [...new Set(openDraws(r.draws).map((d) => d.disputeId))];
  const reason =
    locked > 0n ? (
      <p className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="unstake-locked">
        Unstaking is closed while {formatEth(locked, 18)} of your stake is locked by{' '}
        {lockedIn.length === 0
          ? 'a draw'
          : lockedIn.map((id, i) => (
              <span key={id}>
                {i > 0 ? ', ' : ''}
                <Link href={`/disputes/${id}`}>dispute #{id}</Link>
              </span>
            ))}
        : it is released when the round you were drawn in is settled.
      </p>
    ) : null;
  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = validateUnstake(amount, { stake, locked, minStake });
    setError(checked.ok ? undefined : checked.error);
    if (!checked.ok) return;
    const outcome = await send({ module: 'DisputeCourt', functionName: 'unstake', args: [checked.wei], label: 'Unstake' });
    if (outcome.ok) setAmount('');
  }
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-2 border-t border-slate-200 pt-4" aria-label="Unstake">
      {reason}
      <div className="flex flex-wrap items-start gap-2">
        <div className="min-w-48 flex-1">
          <TextField
            id="unstakeAmount"
            label="Amount to unstake (ETH)"
            value={amount}
            onChange={setAmount}
            error={error}
            hint={`What stays must be 0 or at least ${formatEth(minStake, 18)}.`}
            inputMode="decimal"
          />
        </div>
        <button type="submit" className="btn-secondary mt-6" disabled={busy || locked > 0n}>
          Unstake
        </button>
      </div>
      <button
        type="button"
        className="self-start text-sm font-semibold text-brand-700 underline disabled:cursor-not-allowed disabled:opacity-50"
        disabled={locked > 0n}
        onClick={() => setAmount(formatEth(stake, 18).replace(' ETH', ''))}
      >
        Fill in my whole stake
      </button>
    </form>
  );
}

function RewardsCard({ report: r, send, busy }: { report: JurorReport; send: Send; busy: boolean }) {
  const withdrawable = BigInt(r.withdrawable);
  const coherence = coherenceOf(r.draws);
  return (
    <section className="card flex flex-col gap-4" aria-labelledby="court-rewards">
      <h3 id="court-rewards" className="text-xl font-semibold">
        Juror rewards
      </h3>
      <div>
        <p>
          <span className="text-2xl font-bold" data-testid="juror-withdrawable">
            {formatEth(withdrawable, 18)}
          </span>{' '}
          <span className="text-slate-700">withdrawable</span>
        </p>
        {withdrawable > 0n ? (
          <button
            type="button"
            className="btn-primary mt-2"
            disabled={busy}
            onClick={() => send({ module: 'DisputeCourt', functionName: 'withdraw', args: [], label: 'Withdraw rewards' })}
          >
            Withdraw rewards
          </button>
        ) : (
          <p className="mt-1 text-sm text-slate-700">No rewards to withdraw.</p>
        )}
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-600">Rewards earned</dt>
        <dd className={BigInt(r.rewards) > 0n ? 'text-green-800' : undefined} data-testid="juror-rewards">
          {formatEth(BigInt(r.rewards), 18)}
        </dd>
        <dt className="text-slate-600">Penalties</dt>
        <dd className={BigInt(r.penalties) > 0n ? 'text-red-800' : undefined} data-testid="juror-penalties">
          {formatEth(BigInt(r.penalties), 18)}
        </dd>
        <dt className="text-slate-600">Coherence</dt>
        <dd data-testid="juror-coherence">
          {coherence.percent === null ? (
            'No decided votes yet'
          ) : (
            <>
              <span className="font-semibold">{coherence.percent}%</span> ({coherence.coherent} of {coherence.decided} decided{' '}
              {coherence.decided === 1 ? 'vote' : 'votes'} with the majority)
            </>
          )}
        </dd>
      </dl>
    </section>
  );
}

const stateColors: Record<VoteState, string> = {
  commit: 'bg-amber-100 text-amber-900',
  reveal: 'bg-amber-100 text-amber-900',
  committed: 'bg-slate-100 text-slate-800',
  revealed: 'bg-slate-100 text-slate-800',
  missed: 'bg-red-100 text-red-900',
  coherent: 'bg-green-100 text-green-900',
  incoherent: 'bg-red-100 text-red-900',
  'no-majority': 'bg-slate-100 text-slate-800',
};

const CHOICES = ['Refuse to arbitrate', 'Refund the buyer', 'Pay the seller'] as const;

function DrawsCard({ report: r }: { report: JurorReport }) {
  return (
    <section className="card flex flex-col gap-3" aria-labelledby="court-draws">
      <h3 id="court-draws" className="text-xl font-semibold">
        Your draws
      </h3>
      {r.draws.length === 0 ? (
        <p className="text-slate-700">You have not been drawn yet. Staked jurors are drawn when a dispute leaves its evidence period.</p>
      ) : (
        <ul className="divide-y divide-slate-200">
          {r.draws.map((d) => (
            <DrawRow key={`${d.disputeId}-${d.round}`} draw={d} now={r.now} />
          ))}
        </ul>
      )}
    </section>
  );
}

function DrawRow({ draw: d, now }: { draw: JurorDraw; now: number }) {
  const state = voteState(d);
  const reward = BigInt(d.reward);
  const penalty = BigInt(d.penalty);
  const current = !d.settled && d.dispute.round === d.round && d.dispute.period !== 'executed';
  const left = d.dispute.periodEnd - now;
  return (
    <li className="flex flex-col gap-1 py-3 text-sm" data-testid="juror-draw" data-dispute-id={d.disputeId} data-vote-state={state}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span>
          <Link href={`/disputes/${d.disputeId}`} className="font-semibold">
            Dispute #{d.disputeId}
          </Link>{' '}
          · {d.round === 0 ? 'first round' : `appeal round ${d.round}`} · {d.seats} of {seatsFor(d.round)} seats
        </span>
        <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${stateColors[state]}`} data-testid="vote-state">
          {VOTE_STATE_LABELS[state]}
        </span>
      </div>
      <p className="text-slate-700">
        {d.choice !== null ? <>Your vote: {CHOICES[d.choice] ?? `choice ${d.choice}`}. </> : null}
        {d.settled ? (
          <>
            Ruled: {d.settled.coherentSeats === 0 ? 'no majority (refused)' : (CHOICES[d.settled.ruling] ?? `choice ${d.settled.ruling}`)}.{' '}
            {reward > 0n ? <span className="text-green-800">+{formatEth(reward, 18)} reward.</span> : null}
            {penalty > 0n ? <span className="text-red-800">−{formatEth(penalty, 18)} penalty.</span> : null}
          </>
        ) : current ? (
          <>
            {COURT_PERIOD_LABELS[d.dispute.period]} period{' '}
            {left > 0 ? `until ${formatDateTime(d.dispute.periodEnd)} (${formatDuration(left)} left)` : 'over — anyone may advance the dispute'}.
            {state === 'commit' || state === 'reveal' ? (
              <>
                {' '}
                <Link href={`/disputes/${d.disputeId}`}>{state === 'commit' ? 'Commit your vote' : 'Reveal your vote'} on the dispute page</Link>.
              </>
            ) : null}
          </>
        ) : null}
      </p>
    </li>
  );
}
