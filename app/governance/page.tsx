import type { Metadata } from 'next';
import Link from 'next/link';
import { ChainUnavailable } from '@/components/ChainUnavailable';
import { Countdown } from '@/components/Countdown';
import { MonarchOperationGate } from '@/components/forms/MonarchOperationGate';
import { ProposalStateBadge, VoteBars } from '@/components/governance/VoteBars';
import { formatDateTime, formatDuration } from '@/lib/format';
import { decodeAction, describeAction } from '@/lib/governance';
import { serverConfig } from '@/lib/server/config';
import { readGovernance, readTopParticipants, type Governance, type Participant, type RegimeRules } from '@/lib/server/governance';
import { readRegimeHistory, type RegimeChange } from '@/lib/server/regimeHistory';
import { RegimeHistory } from '@/components/governance/RegimeHistory';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Governance' };

/** The regime in office and its rules, in one sentence. */
function regimeSentence(rules: RegimeRules, minDelay: number): string {
  const delay = formatDuration(minDelay);
  switch (rules.kind) {
    case 'monarchy':
      return `A monarch governs: the monarch alone schedules operations, which run after the timelock’s ${delay} delay; ${rules.heir ? 'the heir may claim the crown' : 'with no heir named, nobody can claim the crown'} if the monarch misses a ${formatDuration(rules.heartbeatPeriod)} heartbeat.`;
    case 'council':
      return `A council of ${rules.members.length} governs: any member proposes, members vote for ${formatDuration(rules.votingPeriod)} starting ${formatDuration(rules.votingDelay)} after the proposal, a proposal passes with more For than Against and a quorum of ${rules.quorumPercent}% of the seats, then waits the timelock’s ${delay} delay before it runs.`;
    case 'democracy':
      return `The democracy governs: anyone with at least ${rules.threshold.toString()} activity points proposes, everyone votes with the activity credited to them, for ${formatDuration(rules.votingPeriod)} starting ${formatDuration(rules.votingDelay)} after the proposal; a proposal passes with more For than Against and a quorum of ${rules.quorumPercent}% of all recent activity, then waits the timelock’s ${delay} delay before it runs.`;
    default:
      return 'No regime has been established yet.';
  }
}

/** The democracy's top participants by weight now. */
function TopParticipants({ top, total }: { top: Participant[]; total: bigint }) {
  return (
    <div>
      <h2 className="font-semibold">Top participants by weight</h2>
      <p className="text-sm text-slate-600">
        Activity points in the completed periods of the window; {total.toString()} in all. <Link href="/me#voting-weight">How weight is earned</Link>
      </p>
      {top.length === 0 ? (
        <p className="text-sm text-slate-700">Nobody has credited activity in the window yet.</p>
      ) : (
        <ol className="list-decimal pl-6 text-sm" data-testid="top-participants">
          {top.map((p) => (
            <li key={p.account}>
              <Link href={`/collaborators/${p.account}`} className="font-mono break-all">
                {p.account}
              </Link>{' '}
              — {p.weight.toString()}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function Rules({ g, participants }: { g: Governance; participants: { top: Participant[]; total: bigint } | null }) {
  const r = g.rules;
  return (
    <section className="card flex flex-col gap-3" aria-label="Rules">
      <p data-testid="regime-sentence">{regimeSentence(r, g.minDelay)}</p>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
        <dt className="text-slate-600">In office since</dt>
        <dd>{formatDateTime(g.since)}</dd>
        <dt className="text-slate-600">Timelock delay</dt>
        <dd>{formatDuration(g.minDelay)}</dd>
        {r.kind === 'council' || r.kind === 'democracy' ? (
          <>
            <dt className="text-slate-600">Voting delay</dt>
            <dd>{formatDuration(r.votingDelay)}</dd>
            <dt className="text-slate-600">Voting period</dt>
            <dd>{formatDuration(r.votingPeriod)}</dd>
            <dt className="text-slate-600">Quorum</dt>
            <dd>{r.quorumPercent}%</dd>
          </>
        ) : null}
        {r.kind === 'monarchy' ? (
          <>
            <dt className="text-slate-600">Monarch</dt>
            <dd className="font-mono break-all">{r.monarch}</dd>
            <dt className="text-slate-600">Heir</dt>
            <dd className="font-mono break-all">{r.heir ?? 'none'}</dd>
          </>
        ) : null}
      </dl>
      {r.kind === 'council' ? (
        <div>
          <h2 className="font-semibold">Council members</h2>
          <ul className="font-mono text-sm" data-testid="council-members">
            {r.members.map((m) => (
              <li key={m} className="break-all">
                {m}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {participants ? <TopParticipants {...participants} /> : null}
    </section>
  );
}

export default async function GovernancePage() {
  let g: Governance;
  let history: RegimeChange[];
  let participants: { top: Participant[]; total: bigint } | null = null;
  try {
    [g, history] = await Promise.all([readGovernance(), readRegimeHistory()]);
    if (g.rules.kind === 'democracy') participants = await readTopParticipants();
  } catch (error) {
    return <ChainUnavailable detail={error instanceof Error ? error.message.split('\n')[0] : undefined} />;
  }
  const { deployments } = serverConfig();
  const seenAt = Date.now();
  const kindName = { none: 'No regime', monarchy: 'Monarchy', council: 'Council', democracy: 'Democracy' }[g.rules.kind];
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6">
      <header>
        <h1 className="text-3xl font-bold">Governance</h1>
        <p className="text-slate-700">
          Regime in office: <strong data-testid="regime-kind">{kindName}</strong>. The Constitution (a timelock) owns every module; only the regime in office can schedule what it runs.
        </p>
      </header>
      <Rules g={g} participants={participants} />
      {g.scheduled.length > 0 ? (
        <section className="card" aria-label="Scheduled operations">
          <h2 className="text-lg font-semibold">Scheduled operations</h2>
          <p className="text-sm text-slate-600">Waiting the timelock’s delay; anyone may look at them, and leave, before they run.</p>
          <ul className="mt-2 flex flex-col gap-2 text-sm" data-testid="scheduled-operations">
            {g.scheduled.map((op) => (
              <li key={op.id} className="flex flex-col items-start gap-1">
                <ul className="font-mono break-all">
                  {op.calls.map((c, i) => (
                    <li key={i}>{describeAction(decodeAction(deployments, c.target, c.value, c.data))}</li>
                  ))}
                </ul>
                <span className="text-slate-700">
                  executable {formatDateTime(op.readyAt)} (<Countdown at={op.readyAt} chainTime={g.chainTime} seenAt={seenAt} />)
                </span>
                {g.rules.kind === 'monarchy' ? (
                  <MonarchOperationGate
                    monarch={g.rules.monarch}
                    id={op.id}
                    targets={op.calls.map((c) => c.target)}
                    values={op.calls.map((c) => c.value.toString())}
                    payloads={op.calls.map((c) => c.data)}
                    salt={op.salt}
                    ready={op.readyAt <= g.chainTime}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="flex flex-col gap-3" aria-label="Proposals">
        <div className="flex items-center justify-between gap-4">
          <h2 className="text-xl font-semibold">Proposals</h2>
          <Link href="/governance/new" className="btn-primary no-underline">
            New proposal
          </Link>
        </div>
        {g.proposals.length === 0 ? <p className="text-slate-700">No proposals yet.</p> : null}
        <ul className="flex flex-col gap-3">
          {g.proposals.map((p) => (
            <li key={`${p.governor}-${p.id}`} className="card flex flex-col gap-2" data-testid="proposal">
              <div className="flex flex-wrap items-center gap-2">
                <ProposalStateBadge state={p.state} />
                <span className="text-xs text-slate-600">{p.governor === 'council' ? 'Council' : 'Democracy'}</span>
                <Link href={`/governance/${p.id}`} className="font-semibold break-words">
                  {p.description.split('\n')[0]}
                </Link>
              </div>
              <VoteBars votes={p.votes} />
            </li>
          ))}
        </ul>
      </section>
      <RegimeHistory changes={history} />
    </div>
  );
}
