// Governance helpers shared by server and client: decoding a proposal's calls for people to read.
import { decodeFunctionData, formatEther, type Address, type Hex } from 'viem';
import { MODULES, UPGRADE_IMPLEMENTATIONS, type Deployments, type ModuleName } from './chain';
import { implementationAbis, moduleAbis } from './modules';

/**
 * Gas added to the estimate of the monarch's acts (schedule, execute, cancel, nameHeir): each writes
 * the heartbeat (block.timestamp). An estimate made in the same second as the previous act prices a
 * no-op store and falls about 2.8k gas short once the transaction is mined a second later.
 */
export const MONARCH_GAS_MARGIN = 10_000n;

/** The module proxies a proposal can upgrade (UUPS; their implementations are in the deployments file). */
export const UPGRADEABLE_MODULES = ['CollaboratorRegistry', 'Reputation', 'Marketplace', 'Certificates', 'DisputeCourt'] as const;
export type UpgradeableModule = (typeof UPGRADEABLE_MODULES)[number];

/** The implementations deployed for `module` (its current one and its successors like MarketplaceV2), by name. */
export function implementationsFor(deployments: Deployments, module: UpgradeableModule): { name: string; address: Address }[] {
  return Object.entries(deployments.implementations)
    .filter(([name]) => name === module || new RegExp(`^${module}V\\d+$`).test(name))
    .map(([name, address]) => ({ name, address }));
}

/** The name of the deployed implementation at `address` (like `MarketplaceV2`), or null. */
export function implementationName(deployments: Deployments, address: string): string | null {
  const hit = Object.entries(deployments.implementations).find(([, a]) => a.toLowerCase() === address.toLowerCase());
  return hit ? hit[0] : null;
}

/** Decodes the call an upgrade makes on the new implementation (`upgradeToAndCall`'s data). */
function describeUpgradeCall(deployments: Deployments, module: ModuleName, implementation: string, data: Hex): string {
  if (data === '0x') return 'no call';
  const name = implementationName(deployments, implementation);
  const abi = UPGRADE_IMPLEMENTATIONS.find((n) => n === name);
  try {
    const decoded = abi ? decodeFunctionData({ abi: implementationAbis[abi], data }) : decodeFunctionData({ abi: moduleAbis[module], data });
    return `${decoded.functionName}(${(decoded.args ?? []).map(show).join(', ')})`;
  } catch {
    return `data ${data.slice(0, 10)}…`;
  }
}

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
      const args = (decoded.args ?? []).map(show);
      if (decoded.functionName === 'upgradeToAndCall') {
        // The new implementation by name, and the call made on it, decoded.
        const [implementation = '', call = '0x'] = args;
        const name = implementationName(deployments, implementation);
        args[0] = name ? `${name} at ${implementation}` : implementation;
        args[1] = describeUpgradeCall(deployments, module, implementation, call as Hex);
      }
      return { target, module, value, functionName: decoded.functionName, args, data };
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
