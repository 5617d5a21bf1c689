// Governance helpers shared by server and client: decoding a proposal's calls for people to read.
import { decodeFunctionData, formatEther, type Address, type Hex } from 'viem';
import { MODULES, type Deployments, type ModuleName } from './chain';
import { moduleAbis } from './modules';

/** One call of a proposal, decoded when the target is one of OSO's contracts and the selector is known. */
export interface DecodedAction {
  target: Address;
  /** The contract's name in the deployments file, or null for another address. */
  module: ModuleName | null;
  value: bigint;
  /** The function name, or null when it could not be decoded. */
  functionName: string | null;
  /** Arguments as display strings (untrusted: render as text). */
  args: string[];
  data: Hex;
}

function show(value: unknown): string {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return `[${value.map(show).join(', ')}]`;
  if (value && typeof value === 'object') return JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  return String(value);
}

/** Decodes `data` sent to `target` with the ABI of the OSO contract deployed there, if any. */
export function decodeAction(deployments: Deployments, target: Address, value: bigint, data: Hex): DecodedAction {
  const module = MODULES.find((name) => deployments[name].toLowerCase() === target.toLowerCase()) ?? null;
  if (module) {
    try {
      const decoded = decodeFunctionData({ abi: moduleAbis[module], data });
      return { target, module, value, functionName: decoded.functionName, args: (decoded.args ?? []).map(show), data };
    } catch {
      // an unknown selector: shown raw
    }
  }
  return { target, module, value, functionName: null, args: [], data };
}

/** "Marketplace.setFee(300)" — or the raw call for an unknown target or selector. */
export function describeAction(action: DecodedAction): string {
  const value = action.value > 0n ? ` with ${formatEther(action.value)} ETH` : '';
  if (action.functionName) return `${action.module}.${action.functionName}(${action.args.join(', ')})${value}`;
  return `call ${action.target} with data ${action.data.slice(0, 10)}…${value}`;
}

/** Percent (0–100, one decimal) of `part` in `whole`; 0 when `whole` is 0. */
export function percentOf(part: bigint, whole: bigint): number {
  if (whole <= 0n) return 0;
  return Number((part * 1000n) / whole) / 10;
}
