'use client';
// Vote (with an optional reason), queue and execute one proposal, with the connected wallet.
import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { keccak256, stringToHex, type Address, type Hex } from 'viem';
import { usePublicClient } from 'wagmi';
import { moduleAbis } from '@/lib/modules';
import { useContractWrite } from '../wallet/useContractWrite';
import { useWalletLoader } from '../wallet/WalletLoader';
import { formatDateTime } from '@/lib/format';

export interface ProposalActionsProps {
  governor: 'council' | 'democracy';
  /** Decimal strings (server components pass no bigints). */
  proposalId: string;
  state: string;
  targets: Address[];
  values: string[];
  calldatas: Hex[];
  description: string;
  /** Whether the queued operation's delay has passed (chain time). */
  due: boolean;
  /** Who proposed it: the only account that may cancel it, while it is Pending. */
  proposer: Address;
  /** The snapshot (voteStart, chain seconds) and whether chain time has passed it. */
  snapshot: number;
  snapshotPassed: boolean;
}

/** The connected account's weight at the proposal's snapshot (null before the snapshot). */
function useWeightAtSnapshot(props: ProposalActionsProps, address: Address | undefined) {
  const { config } = useWalletLoader();
  const client = usePublicClient({ chainId: config?.chainId });
  return useQuery({
    queryKey: ['weight-at-snapshot', props.governor, props.snapshot, address],
    enabled: !!client && !!config && !!address && props.snapshotPassed,
    queryFn: async () => {
      if (!client || !config || !address) throw new Error('not connected');
      const governor = props.governor === 'council' ? config.deployments.CouncilGovernor : config.deployments.DemocracyGovernor;
      return client.readContract({ address: governor, abi: moduleAbis.CouncilGovernor, functionName: 'getVotes', args: [address, BigInt(props.snapshot)] });
    },
  });
}

function MyWeight({ props, weight }: { props: ProposalActionsProps; weight: bigint | undefined }) {
  if (!props.snapshotPassed) {
    return <p data-testid="my-weight">Your voting weight will be fixed at the snapshot, {formatDateTime(props.snapshot)}.</p>;
  }
  if (weight === undefined) return <p className="text-slate-700">Reading your voting weight at the snapshot…</p>;
  return (
    <div className="flex flex-col gap-1">
      <p data-testid="my-weight">
        Your voting weight at the snapshot ({formatDateTime(props.snapshot)}): <strong>{weight.toString()}</strong>
      </p>
      {weight === 0n ? (
        <p className="text-sm text-slate-700" data-testid="zero-weight-reason">
          {props.governor === 'democracy' ? (
            <>
              In the democracy your weight is the activity points credited to you in the completed periods of the window before the snapshot. You had none then, so
              you cannot vote on this proposal; points credited later count for later proposals. <Link href="/me#voting-weight">See how to earn them</Link>.
            </>
          ) : (
            <>Only council members who held a seat at the snapshot vote on council proposals.</>
          )}
        </p>
      ) : null}
    </div>
  );
}

const SUPPORT = [
  { value: 1, label: 'For' },
  { value: 0, label: 'Against' },
  { value: 2, label: 'Abstain' },
] as const;

export default function ProposalActions(props: ProposalActionsProps) {
  const { send, busy, address } = useContractWrite();
  const [reason, setReason] = useState('');
  const weight = useWeightAtSnapshot(props, address);
  const module = props.governor === 'council' ? 'CouncilGovernor' : 'DemocracyGovernor';
  const id = BigInt(props.proposalId);
  const values = props.values.map((v) => BigInt(v));
  const operation = [props.targets, values, props.calldatas, keccak256(stringToHex(props.description))] as const;

  const vote = (support: number, label: string) =>
    module === 'CouncilGovernor'
      ? send({ module, functionName: 'castVoteWithReason', args: [id, support, reason], label: `Vote ${label}` })
      : send({ module, functionName: 'castVoteWithReason', args: [id, support, reason], label: `Vote ${label}` });
  const queue = () =>
    module === 'CouncilGovernor'
      ? send({ module, functionName: 'queue', args: operation, label: 'Queue' })
      : send({ module, functionName: 'queue', args: operation, label: 'Queue' });
  const cancel = () =>
    module === 'CouncilGovernor'
      ? send({ module, functionName: 'cancel', args: operation, label: 'Cancel proposal' })
      : send({ module, functionName: 'cancel', args: operation, label: 'Cancel proposal' });
  const execute = () =>
    module === 'CouncilGovernor'
      ? send({ module, functionName: 'execute', args: operation, label: 'Execute' })
      : send({ module, functionName: 'execute', args: operation, label: 'Execute' });

  if (!address) return <p className="card text-slate-700">Connect a wallet to vote, queue or execute.</p>;
  const canVote = weight.data !== undefined && weight.data > 0n;
  if (props.state === 'Active') {
    return (
      <section className="card flex flex-col gap-3" aria-label="Vote">
        <h2 className="text-lg font-semibold">Vote</h2>
        <MyWeight props={props} weight={weight.data} />
        <label className="flex flex-col gap-1 text-sm">
          Reason (optional, public)
          <textarea value={reason} maxLength={1000} onChange={(e) => setReason(e.target.value)} className="rounded border border-slate-300 p-2" rows={2} />
        </label>
        <div className="flex gap-2">
          {SUPPORT.map((s) => (
            <button key={s.value} type="button" className="btn-primary" disabled={busy || !canVote} onClick={() => void vote(s.value, s.label)}>
              Vote {s.label}
            </button>
          ))}
        </div>
      </section>
    );
  }
  const mine = (
    <section className="card" aria-label="Your weight">
      <MyWeight props={props} weight={weight.data} />
    </section>
  );
  let action: React.ReactNode = null;
  if (props.state === 'Pending' && address.toLowerCase() === props.proposer.toLowerCase()) {
    action = (
      <button type="button" className="btn-danger self-start" disabled={busy} onClick={() => void cancel()}>
        Cancel proposal
      </button>
    );
  } else if (props.state === 'Succeeded') {
    action = (
      <button type="button" className="btn-primary self-start" disabled={busy} onClick={() => void queue()}>
        Queue
      </button>
    );
  } else if (props.state === 'Queued') {
    action = props.due ? (
      <button type="button" className="btn-primary self-start" disabled={busy} onClick={() => void execute()}>
        Execute
      </button>
    ) : (
      <p className="card text-slate-700">Queued: it can be executed once the timelock’s delay has passed.</p>
    );
  }
  return (
    <div className="flex flex-col gap-3">
      {mine}
      {action}
    </div>
  );
}
