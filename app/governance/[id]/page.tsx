import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ChainUnavailable } from '@/components/ChainUnavailable';
import { ProposalActionsIsland } from '@/components/forms/islands';
import { ProposalStateBadge, QuorumBar, VoteBars } from '@/components/governance/VoteBars';
import { formatDateTime, formatDuration, shortAddress } from '@/lib/format';
import { decodeAction, describeAction } from '@/lib/governance';
import { serverConfig } from '@/lib/server/config';
import { readGovernance, readQuorum, readVotes, type CastVote, type Governance } from '@/lib/server/governance';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Proposal' };

type Params = Promise<{ id: string }>;

export default async function ProposalPage({ params }: { params: Params }) {
  const { id } = await params;
  if (!/^[1-9]\d{0,79}$/.test(id)) notFound();
  const wanted = BigInt(id);
  const unavailable = (error: unknown) => <ChainUnavailable detail={error instanceof Error ? error.message.split('\n')[0] : undefined} />;
  let g: Governance;
  try {
    g = await readGovernance();
  } catch (error) {
    return unavailable(error);
  }
  const p = g.proposals.find((x) => x.id === wanted);
  if (!p) notFound();
  let quorum: bigint | null;
  let votes: CastVote[];
  try {
    [quorum, votes] = await Promise.all([readQuorum(p.governor, p.voteStart, g.chainTime), readVotes(p.governor, p.id)]);
  } catch (error) {
    return unavailable(error);
  }
  const { deployments } = serverConfig();
  const actions = p.targets.map((t, i) => decodeAction(deployments, t, p.values[i] ?? 0n, p.calldatas[i] ?? '0x'));
  const [title, ...body] = p.description.split('\n');
  const when =
    p.state === 'Pending'
      ? `Voting starts ${formatDateTime(p.voteStart)}`
      : p.state === 'Active'
        ? `Voting ends ${formatDateTime(p.voteEnd)} (in ${formatDuration(p.voteEnd - g.chainTime)})`
        : p.state === 'Queued'
          ? p.eta > g.chainTime
            ? `Executable in ${formatDuration(p.eta - g.chainTime)} (${formatDateTime(p.eta)})`
            : 'Executable now'
          : `Voting ended ${formatDateTime(p.voteEnd)}`;
  return (
    <article className="mx-auto flex max-w-3xl flex-col gap-6">
      <header className="flex flex-col gap-1">
        <p className="text-sm text-slate-600">
          <Link href="/governance">Governance</Link> · {p.governor === 'council' ? 'Council' : 'Democracy'} proposal
        </p>
        <h1 className="text-2xl font-bold break-words" data-testid="proposal-title">
          {title}
        </h1>
        <div className="flex items-center gap-2">
          <ProposalStateBadge state={p.state} />
          <span className="text-sm text-slate-700" data-testid="proposal-when">
            {when}
          </span>
        </div>
        <p className="font-mono text-xs break-all text-slate-600">Proposed by {p.proposer}</p>
      </header>
      {body.length > 0 ? <p className="whitespace-pre-wrap break-words">{body.join('\n').trim()}</p> : null}
      <section className="card" aria-label="Actions">
        <h2 className="text-lg font-semibold">What it does</h2>
        <ol className="list-decimal pl-6 font-mono text-sm" data-testid="proposal-actions">
          {actions.map((a, i) => (
            <li key={i} className="break-all">
              {describeAction(a)}
            </li>
          ))}
        </ol>
      </section>
      <section className="card flex flex-col gap-3" aria-label="Votes">
        <h2 className="text-lg font-semibold">Votes</h2>
        <VoteBars votes={p.votes} />
        {quorum !== null ? <QuorumBar counted={p.votes.for + p.votes.abstain} quorum={quorum} /> : null}
        {votes.length > 0 ? (
          <ul className="flex flex-col gap-1 text-sm" data-testid="cast-votes">
            {votes.map((v) => (
              <li key={v.voter}>
                <span className="font-mono" title={v.voter}>
                  {shortAddress(v.voter)}
                </span>{' '}
                voted <strong>{v.support}</strong> ({v.weight.toString()}){v.reason ? <span className="break-words">: “{v.reason}”</span> : null}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <ProposalActionsIsland
        governor={p.governor}
        proposalId={p.id.toString()}
        state={p.state}
        targets={[...p.targets]}
        values={p.values.map((v) => v.toString())}
        calldatas={[...p.calldatas]}
        description={p.description}
        due={p.state === 'Queued' && p.eta <= g.chainTime}
        proposer={p.proposer}
        snapshot={p.voteStart}
        snapshotPassed={p.voteStart < g.chainTime}
      />
    </article>
  );
}
