'use client';
// Vote (with an optional reason), queue and execute one proposal, with the connected wallet.
import { useState } from 'react';
import { keccak256, stringToHex, type Address, type Hex } from 'viem';
import { useContractWrite } from '../wallet/useContractWrite';

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
}

const SUPPORT = [
  { value: 1, label: 'For' },
  { value: 0, label: 'Against' },
  { value: 2, label: 'Abstain' },
] as const;

export default function ProposalActions(props: ProposalActionsProps) {
  const { send, busy, address } = useContractWrite();
  const [reason, setReason] = useState('');
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
  const execute = () =>
    module === 'CouncilGovernor'
      ? send({ module, functionName: 'execute', args: operation, label: 'Execute' })
      : send({ module, functionName: 'execute', args: operation, label: 'Execute' });

  if (!address) return <p className="card text-slate-700">Connect a wallet to vote, queue or execute.</p>;
  if (props.state === 'Active') {
    return (
      <section className="card flex flex-col gap-3" aria-label="Vote">
        <h2 className="text-lg font-semibold">Vote</h2>
        <label className="flex flex-col gap-1 text-sm">
          Reason (optional, public)
          <textarea value={reason} maxLength={1000} onChange={(e) => setReason(e.target.value)} className="rounded border border-slate-300 p-2" rows={2} />
        </label>
        <div className="flex gap-2">
          {SUPPORT.map((s) => (
            <button key={s.value} type="button" className="btn-primary" disabled={busy} onClick={() => void vote(s.value, s.label)}>
              Vote {s.label}
            </button>
          ))}
        </div>
      </section>
    );
  }
  if (props.state === 'Succeeded') {
    return (
      <button type="button" className="btn-primary self-start" disabled={busy} onClick={() => void queue()}>
        Queue
      </button>
    );
  }
  if (props.state === 'Queued') {
    return props.due ? (
      <button type="button" className="btn-primary self-start" disabled={busy} onClick={() => void execute()}>
        Execute
      </button>
    ) : (
      <p className="card text-slate-700">Queued: it can be executed once the timelock’s delay has passed.</p>
    );
  }
  return null;
}
