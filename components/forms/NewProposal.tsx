'use client';
// The proposal wizard: pick what to change, see the decoded calls, then propose (council or
// democracy) or schedule (monarchy) with the connected wallet.
import { useState } from 'react';
import { encodeFunctionData, isAddress, isHex, keccak256, parseEther, stringToHex, type Address, type Hex } from 'viem';
import { decodeAction, describeAction } from '@/lib/governance';
import { moduleAbis } from '@/lib/modules';
import { useWalletLoader } from '../wallet/WalletLoader';
import { useContractWrite } from '../wallet/useContractWrite';

export interface NewProposalProps {
  regime: 'monarchy' | 'council' | 'democracy' | 'none';
  /** The timelock's delay in seconds (a monarch schedules with it). */
  minDelay: number;
}

type Kind = 'fee' | 'admit' | 'discharge' | 'switch' | 'raw';
const KINDS: { value: Kind; label: string }[] = [
  { value: 'fee', label: 'Change the marketplace fee' },
  { value: 'admit', label: 'Admit a council member' },
  { value: 'discharge', label: 'Discharge a council member' },
  { value: 'switch', label: 'Switch the regime' },
  { value: 'raw', label: 'Raw call' },
];
const REGIMES = ['MonarchyRegime', 'CouncilGovernor', 'DemocracyGovernor'] as const;

export default function NewProposal({ regime, minDelay }: NewProposalProps) {
  const { config } = useWalletLoader();
  const { send, busy, address } = useContractWrite();
  const [kind, setKind] = useState<Kind>('fee');
  const [fee, setFee] = useState('2.5');
  const [member, setMember] = useState('');
  const [next, setNext] = useState<(typeof REGIMES)[number]>('DemocracyGovernor');
  const [target, setTarget] = useState('');
  const [data, setData] = useState('0x');
  const [value, setValue] = useState('0');
  const [description, setDescription] = useState('');
  if (!config) return null;
  const d = config.deployments;

  let call: { target: Address; data: Hex; value: bigint } | string;
  try {
    switch (kind) {
      case 'fee': {
        const bps = Math.round(Number(fee) * 100);
        call = Number.isFinite(bps) && bps >= 0 && bps <= 65_535
          ? { target: d.Marketplace, data: encodeFunctionData({ abi: moduleAbis.Marketplace, functionName: 'setFee', args: [bps] }), value: 0n }
          : 'Enter the fee in percent, like 2.5.';
        break;
      }
      case 'admit':
      case 'discharge':
        call = isAddress(member)
          ? { target: d.CouncilSeats, data: encodeFunctionData({ abi: moduleAbis.CouncilSeats, functionName: kind, args: [member] }), value: 0n }
          : 'Enter the member’s address.';
        break;
      case 'switch':
        call = { target: d.Constitution, data: encodeFunctionData({ abi: moduleAbis.Constitution, functionName: 'switchRegime', args: [d[next]] }), value: 0n };
        break;
      case 'raw':
        call = isAddress(target) && isHex(data) ? { target, data, value: parseEther(value || '0') } : 'Enter a target address and 0x-prefixed calldata.';
        break;
    }
  } catch {
    call = 'Check the values.';
  }
  const preview = typeof call === 'string' ? null : describeAction(decodeAction(d, call.target, call.value, call.data));

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (typeof call === 'string' || description.trim() === '') return;
    const targets = [call.target];
    const values = [call.value];
    const calldatas = [call.data];
    if (regime === 'monarchy') {
      await send({
        module: 'MonarchyRegime',
        functionName: 'schedule',
        args: [targets, values, calldatas, keccak256(stringToHex(description)), BigInt(minDelay)],
        label: 'Schedule',
      });
    } else if (regime === 'council') {
      await send({ module: 'CouncilGovernor', functionName: 'propose', args: [targets, values, calldatas, description], label: 'Propose' });
    } else if (regime === 'democracy') {
      await send({ module: 'DemocracyGovernor', functionName: 'propose', args: [targets, values, calldatas, description], label: 'Propose' });
    }
  }

  return (
    <form className="card flex flex-col gap-4" onSubmit={(e) => void submit(e)}>
      <label className="flex flex-col gap-1">
        What to change
        <select value={kind} onChange={(e) => setKind(e.target.value as Kind)} className="rounded border border-slate-300 p-2">
          {KINDS.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </select>
      </label>
      {kind === 'fee' ? (
        <label className="flex flex-col gap-1">
          New fee (% of the price)
          <input value={fee} onChange={(e) => setFee(e.target.value)} inputMode="decimal" className="rounded border border-slate-300 p-2" />
        </label>
      ) : null}
      {kind === 'admit' || kind === 'discharge' ? (
        <label className="flex flex-col gap-1">
          Member address
          <input value={member} onChange={(e) => setMember(e.target.value.trim())} className="rounded border border-slate-300 p-2 font-mono" />
        </label>
      ) : null}
      {kind === 'switch' ? (
        <label className="flex flex-col gap-1">
          New regime
          <select value={next} onChange={(e) => setNext(e.target.value as (typeof REGIMES)[number])} className="rounded border border-slate-300 p-2">
            <option value="MonarchyRegime">Monarchy</option>
            <option value="CouncilGovernor">Council</option>
            <option value="DemocracyGovernor">Democracy</option>
          </select>
        </label>
      ) : null}
      {kind === 'raw' ? (
        <>
          <label className="flex flex-col gap-1">
            Target
            <input value={target} onChange={(e) => setTarget(e.target.value.trim())} className="rounded border border-slate-300 p-2 font-mono" />
          </label>
          <label className="flex flex-col gap-1">
            Calldata
            <input value={data} onChange={(e) => setData(e.target.value.trim())} className="rounded border border-slate-300 p-2 font-mono" />
          </label>
          <label className="flex flex-col gap-1">
            Value (ETH)
            <input value={value} onChange={(e) => setValue(e.target.value.trim())} className="rounded border border-slate-300 p-2" />
          </label>
        </>
      ) : null}
      <label className="flex flex-col gap-1">
        Description (first line is the title)
        <textarea value={description} onChange={(e) => setDescription(e.target.value)} rows={3} maxLength={2000} className="rounded border border-slate-300 p-2" />
      </label>
      <div>
        <p className="text-sm text-slate-600">The Constitution will call:</p>
        <p className="font-mono text-sm break-all" data-testid="proposal-preview">
          {preview ?? (typeof call === 'string' ? call : '')}
        </p>
      </div>
      <button type="submit" className="btn-primary self-start" disabled={busy || !address || typeof call === 'string' || description.trim() === '' || regime === 'none'}>
        {regime === 'monarchy' ? 'Schedule' : 'Propose'}
      </button>
    </form>
  );
}
