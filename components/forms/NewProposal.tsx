'use client';
// The proposal wizard: pick what to change, see the decoded calls, then propose (council or
// democracy) or schedule (monarchy) with the connected wallet. Naming an heir is the monarch's own
// act (no timelock), sent directly.
import { useState } from 'react';
import { encodeFunctionData, isAddress, isHex, keccak256, parseEther, stringToHex, type Address, type Hex } from 'viem';
import { DocumentError, publishDocument } from '@/lib/documents';
import { MONARCH_GAS_MARGIN, decodeAction, describeAction } from '@/lib/governance';
import { PARAMETERS, encodeParameter, formatParameter, inputLabel, parseParameter, type ParameterKey } from '@/lib/governanceParameters';
import { moduleAbis } from '@/lib/modules';
import { useToast } from '../Toaster';
import { useWalletLoader } from '../wallet/WalletLoader';
import { useContractWrite } from '../wallet/useContractWrite';
import { UpgradeFields, initialUpgrade, useUpgrade, type UpgradeState } from './proposal/UpgradeFields';

export interface NewProposalProps {
  regime: 'monarchy' | 'council' | 'democracy' | 'none';
  /** The timelock's delay in seconds (a monarch schedules with it). */
  minDelay: number;
  /** Current raw value of each parameter (decimal strings: server components pass no bigints). */
  parameters: Partial<Record<ParameterKey, string>>;
  /** The monarch in office (monarchy only), who alone may name an heir. */
  monarch: Address | null;
}

type Kind = 'parameter' | 'upgrade' | 'admit' | 'discharge' | 'heir' | 'switch' | 'raw';
const KINDS: { value: Kind; label: string; monarchyOnly?: true }[] = [
  { value: 'parameter', label: 'Change a parameter' },
  { value: 'upgrade', label: 'Upgrade a module' },
  { value: 'admit', label: 'Admit a council member' },
  { value: 'discharge', label: 'Discharge a council member' },
  { value: 'heir', label: 'Name an heir (the monarch, directly)', monarchyOnly: true },
  { value: 'switch', label: 'Switch the regime' },
  { value: 'raw', label: 'Raw call' },
];
const REGIMES = ['MonarchyRegime', 'CouncilGovernor', 'DemocracyGovernor'] as const;

type Call = { target: Address; data: Hex; value: bigint; termsText?: string | null } | string;

export default function NewProposal({ regime, minDelay, parameters, monarch }: NewProposalProps) {
  const { config } = useWalletLoader();
  const { send, busy, address } = useContractWrite();
  const toast = useToast();
  const [kind, setKind] = useState<Kind>('parameter');
  const [parameterKey, setParameterKey] = useState<ParameterKey>('fee');
  const [newValue, setNewValue] = useState('');
  const [upgradeState, setUpgradeState] = useState<UpgradeState>(initialUpgrade);
  const upgrade = useUpgrade(upgradeState);
  const [member, setMember] = useState('');
  const [next, setNext] = useState<(typeof REGIMES)[number]>('DemocracyGovernor');
  const [target, setTarget] = useState('');
  const [data, setData] = useState('0x');
  const [value, setValue] = useState('0');
  const [description, setDescription] = useState('');
  if (!config) return null;
  const d = config.deployments;
  const parameter = PARAMETERS.find((p) => p.key === parameterKey)!;
  const current = parameters[parameterKey];

  let call: Call;
  try {
    switch (kind) {
      case 'parameter': {
        const raw = parseParameter(parameter, newValue);
        call = raw === null ? `${inputLabel(parameter)}: enter a valid number.` : { target: d[parameter.module], data: encodeParameter(parameter, raw), value: 0n };
        break;
      }
      case 'upgrade':
        call = upgrade.call;
        break;
      case 'admit':
      case 'discharge':
        call = isAddress(member)
          ? { target: d.CouncilSeats, data: encodeFunctionData({ abi: moduleAbis.CouncilSeats, functionName: kind, args: [member] }), value: 0n }
          : 'Enter the member’s address.';
        break;
      case 'heir':
        call = isAddress(member)
          ? { target: d.MonarchyRegime, data: encodeFunctionData({ abi: moduleAbis.MonarchyRegime, functionName: 'nameHeir', args: [member] }), value: 0n }
          : 'Enter the heir’s address.';
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
  const direct = kind === 'heir';
  const needsDescription = !direct;
  const isMonarch = !!address && !!monarch && address.toLowerCase() === monarch.toLowerCase();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (typeof call === 'string') return;
    if (direct) {
      if (isAddress(member)) await send({ module: 'MonarchyRegime', functionName: 'nameHeir', args: [member], label: 'Name the heir', gasExtra: MONARCH_GAS_MARGIN });
      return;
    }
    if (description.trim() === '') return;
    if (call.termsText) {
      // The terms document goes to the store first: the call carries its address and hash.
      try {
        await publishDocument(call.termsText, 'text/markdown');
      } catch (error) {
        toast.show({ kind: 'error', title: 'The terms could not be stored', detail: error instanceof DocumentError ? error.message : String(error) });
        return;
      }
    }
    const targets = [call.target];
    const values = [call.value];
    const calldatas = [call.data];
    if (regime === 'monarchy') {
      await send({
        module: 'MonarchyRegime',
        functionName: 'schedule',
        args: [targets, values, calldatas, keccak256(stringToHex(description)), BigInt(minDelay)],
        label: 'Schedule',
        gasExtra: MONARCH_GAS_MARGIN,
      });
    } else if (regime === 'council') {
      await send({ module: 'CouncilGovernor', functionName: 'propose', args: [targets, values, calldatas, description], label: 'Propose' });
    } else if (regime === 'democracy') {
      await send({ module: 'DemocracyGovernor', functionName: 'propose', args: [targets, values, calldatas, description], label: 'Propose' });
    }
  }

  const newRaw = kind === 'parameter' ? parseParameter(parameter, newValue) : null;
  const blocked = busy || !address || typeof call === 'string' || regime === 'none' || (needsDescription && description.trim() === '') || (direct && !isMonarch);
  return (
    <form className="card flex flex-col gap-4" onSubmit={(e) => void submit(e)}>
      <label className="flex flex-col gap-1">
        What to change
        <select value={kind} onChange={(e) => setKind(e.target.value as Kind)} className="rounded border border-slate-300 p-2">
          {KINDS.filter((k) => !k.monarchyOnly || regime === 'monarchy').map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </select>
      </label>
      {kind === 'parameter' ? (
        <>
          <label className="flex flex-col gap-1">
            Which parameter
            <select value={parameterKey} onChange={(e) => setParameterKey(e.target.value as ParameterKey)} className="rounded border border-slate-300 p-2">
              {PARAMETERS.map((p) => (
                <option key={p.key} value={p.key}>
                  {p.module}: {p.label}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1">
            {inputLabel(parameter)}
            <input value={newValue} onChange={(e) => setNewValue(e.target.value)} inputMode="decimal" className="rounded border border-slate-300 p-2" />
          </label>
          <p className="text-sm" data-testid="parameter-change">
            {current !== undefined ? formatParameter(parameter, BigInt(current)) : 'current value unknown'} →{' '}
            <strong>{newRaw !== null ? formatParameter(parameter, newRaw) : '…'}</strong>
          </p>
        </>
      ) : null}
      {kind === 'upgrade' ? <UpgradeFields value={upgradeState} onChange={setUpgradeState} upgrade={upgrade} /> : null}
      {kind === 'admit' || kind === 'discharge' || kind === 'heir' ? (
        <label className="flex flex-col gap-1">
          {kind === 'heir' ? 'Heir address' : 'Member address'}
          <input value={member} onChange={(e) => setMember(e.target.value.trim())} className="rounded border border-slate-300 p-2 font-mono" />
        </label>
      ) : null}
      {direct && !isMonarch ? <p className="text-sm text-slate-700">Only the monarch can name the heir; connect the monarch’s account.</p> : null}
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
      {needsDescription ? (
        <label className="flex flex-col gap-1">
          Description (first line is the title)
          <textarea value={description} onChange={(e) => setDescription(e.target.value)} rows={3} maxLength={2000} className="rounded border border-slate-300 p-2" />
        </label>
      ) : null}
      <div>
        <p className="text-sm text-slate-600">{direct ? 'Your account will call:' : 'The Constitution will call:'}</p>
        <p className="font-mono text-sm break-all" data-testid="proposal-preview">
          {preview ?? (typeof call === 'string' ? call : '')}
        </p>
      </div>
      <button type="submit" className="btn-primary self-start" disabled={blocked}>
        {direct ? 'Name the heir' : regime === 'monarchy' ? 'Schedule' : 'Propose'}
      </button>
    </form>
  );
}
