'use client';
// "Upgrade a module": the module proxy, the new implementation (the deployed ones offered), the
// keccak256 hash of the code at that address (an address without code is refused), and for
// MarketplaceV2 the optional terms of service published by initializeV2 in the same transaction.
import { useEffect, useState } from 'react';
import { encodeFunctionData, isAddress, keccak256, type Address, type Hex } from 'viem';
import { usePublicClient } from 'wagmi';
import { useWalletLoader } from '../../wallet/WalletLoader';
import { uriOf } from '@/lib/content';
import { UPGRADEABLE_MODULES, implementationName, implementationsFor, type UpgradeableModule } from '@/lib/governance';
import { implementationAbis, moduleAbis } from '@/lib/modules';

export interface UpgradeState {
  module: UpgradeableModule;
  implementation: string;
  /** Publish terms with initializeV2 (MarketplaceV2 only). */
  withTerms: boolean;
  terms: string;
}

export const initialUpgrade: UpgradeState = { module: 'Marketplace', implementation: '', withTerms: true, terms: '' };

/** What the upgrade needs before it can be proposed: a call, a reason it cannot be made yet, and
 * the terms document to store first (when initializeV2 publishes one). */
export type UpgradeCall = { target: Address; data: Hex; value: bigint; termsText: string | null } | string;

type CodeCheck = { state: 'idle' | 'checking' | 'none' | 'error' } | { state: 'ok'; hash: Hex };

/** keccak256 of the code deployed at `address`, read at each change of address. */
function useCodeHash(address: string): CodeCheck {
  const { config } = useWalletLoader();
  const client = usePublicClient({ chainId: config?.chainId });
  const [check, setCheck] = useState<CodeCheck>({ state: 'idle' });
  useEffect(() => {
    if (!client || !isAddress(address)) {
      setCheck({ state: 'idle' });
      return;
    }
    let live = true;
    setCheck({ state: 'checking' });
    client
      .getCode({ address })
      .then((code) => live && setCheck(code && code !== '0x' ? { state: 'ok', hash: keccak256(code) } : { state: 'none' }))
      .catch(() => live && setCheck({ state: 'error' }));
    return () => {
      live = false;
    };
  }, [client, address]);
  return check;
}

/** The ipfs:// URI and keccak256 content hash the terms text will have once stored. */
function useTermsAddress(text: string): { uri: string; hash: Hex } | null {
  const [value, setValue] = useState<{ uri: string; hash: Hex } | null>(null);
  useEffect(() => {
    if (text.trim() === '') {
      setValue(null);
      return;
    }
    let live = true;
    const bytes = new TextEncoder().encode(text.trim());
    void uriOf(bytes).then((uri) => live && setValue({ uri, hash: keccak256(bytes) }));
    return () => {
      live = false;
    };
  }, [text]);
  return value;
}

export interface Upgrade {
  call: UpgradeCall;
  code: CodeCheck;
  offered: { name: string; address: Address }[];
  /** The deployed implementation's name at the entered address, or null. */
  name: string | null;
}

/** The upgrade call `value` describes, with what the fields show (code hash, offered implementations). */
export function useUpgrade(value: UpgradeState): Upgrade {
  const { config } = useWalletLoader();
  const code = useCodeHash(value.implementation);
  const terms = useTermsAddress(value.terms);
  const d = config?.deployments;
  const offered = d ? implementationsFor(d, value.module) : [];
  const name = d && isAddress(value.implementation) ? implementationName(d, value.implementation) : null;
  const isV2 = name === 'MarketplaceV2';

  let call: UpgradeCall;
  if (!d || !isAddress(value.implementation)) call = 'Enter the address of the new implementation.';
  else if (code.state === 'checking' || code.state === 'idle') call = 'Reading the code at that address…';
  else if (code.state === 'none') call = 'There is no contract at that address: refusing to upgrade to it.';
  else if (code.state === 'error') call = 'The code at that address could not be read.';
  else if (isV2 && value.withTerms && !terms) call = 'Write the terms of service, or upgrade without publishing them.';
  else {
    const init =
      isV2 && value.withTerms && terms
        ? encodeFunctionData({ abi: implementationAbis.MarketplaceV2, functionName: 'initializeV2', args: [terms.uri, terms.hash] })
        : '0x';
    call = {
      target: d[value.module],
      data: encodeFunctionData({ abi: moduleAbis[value.module], functionName: 'upgradeToAndCall', args: [value.implementation, init] }),
      value: 0n,
      termsText: init === '0x' ? null : value.terms.trim(),
    };
  }
  return { call, code, offered, name };
}

export function UpgradeFields({ value, onChange, upgrade }: { value: UpgradeState; onChange(next: UpgradeState): void; upgrade: Upgrade }) {
  const { code, offered, name } = upgrade;
  const isV2 = name === 'MarketplaceV2';
  return (
    <>
      <label className="flex flex-col gap-1">
        Module to upgrade
        <select
          value={value.module}
          onChange={(e) => onChange({ ...value, module: e.target.value as UpgradeableModule, implementation: '' })}
          className="rounded border border-slate-300 p-2"
        >
          {UPGRADEABLE_MODULES.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        New implementation address
        <input value={value.implementation} onChange={(e) => onChange({ ...value, implementation: e.target.value.trim() })} className="rounded border border-slate-300 p-2 font-mono" />
      </label>
      {offered.length > 0 ? (
        <div className="flex flex-wrap gap-2 text-sm">
          <span className="text-slate-600">Deployed implementations:</span>
          {offered.map((o) => (
            <button key={o.name} type="button" className="btn-secondary" onClick={() => onChange({ ...value, implementation: o.address })}>
              Use {o.name}
            </button>
          ))}
        </div>
      ) : null}
      <p className="text-sm break-all" data-testid="code-hash">
        {code.state === 'ok' ? (
          <>
            Code hash (keccak256 of the deployed code): <span className="font-mono">{code.hash}</span>
            {name ? ` — the deployed ${name}` : ' — not one of the deployed implementations: check it against its published source'}
          </>
        ) : code.state === 'none' ? (
          <span className="text-red-800">No contract at this address.</span>
        ) : null}
      </p>
      {isV2 ? (
        <fieldset className="flex flex-col gap-2 rounded border border-slate-200 p-3">
          <legend className="px-1 text-sm font-semibold">MarketplaceV2: terms of service</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={value.withTerms} onChange={(e) => onChange({ ...value, withTerms: e.target.checked })} />
            Publish terms of service with the upgrade (initializeV2)
          </label>
          {value.withTerms ? (
            <label className="flex flex-col gap-1 text-sm">
              Terms of service (stored as a document; its address and hash go on chain)
              <textarea value={value.terms} onChange={(e) => onChange({ ...value, terms: e.target.value })} rows={4} maxLength={8000} className="rounded border border-slate-300 p-2" />
            </label>
          ) : null}
        </fieldset>
      ) : null}
    </>
  );
}
