// The one place for chain configuration. Server code resolves it from the environment at run time
// (lib/server/config.ts) and hands the public part to the browser, so one build serves any chain.
import { defineChain, isAddress, type Address, type Chain } from 'viem';

export const LOCAL_CHAIN_ID = 31337;
export const DEFAULT_RPC_URL = 'http://127.0.0.1:8545';

/**
 * OSO's contracts by their keys in a deployments file: the modules, each an ERC-1967 proxy;
 * DirectoryLens, a stateless read-only view over them (not upgradeable; redeployed when needed);
 * and the governance: the Constitution (the timelock that owns every module), the three regimes
 * (only one in office), the activity votes of the democracy and the creditor that turns recorded
 * work into activity points.
 */
export const MODULES = [
  'CollaboratorRegistry',
  'Reputation',
  'Marketplace',
  'Certificates',
  'DisputeCourt',
  'DirectoryLens',
  'Constitution',
  'MonarchyRegime',
  'CouncilSeats',
  'CouncilGovernor',
  'ActivityVotes',
  'DemocracyGovernor',
  'ActivityCreditor',
] as const;
export type ModuleName = (typeof MODULES)[number];

/** Contracts deployed only as implementations that a proposal may upgrade a module proxy to
 * (`<Name>Implementation` in the deployments file); their ABIs are generated like the modules'. */
export const UPGRADE_IMPLEMENTATIONS = ['MarketplaceV2'] as const;
export type UpgradeImplementationName = (typeof UPGRADE_IMPLEMENTATIONS)[number];

/** Addresses of the deployed modules on one chain, from deployments/<chainId>.json, and of the
 * implementations deployed with them (by their keys without `Implementation`, like `MarketplaceV2`). */
export type Deployments = { chainId: number; deployBlock: number; implementations: Record<string, Address> } & Record<ModuleName, Address>;

/** Validates a parsed deployments file; `source` names it in error messages. */
export function parseDeployments(parsed: unknown, source: string): Deployments {
  if (typeof parsed !== 'object' || parsed === null) throw new Error(`${source} is not a JSON object.`);
  const record = parsed as Record<string, unknown>;
  const chainId = Number(record.chainId);
  if (!Number.isSafeInteger(chainId) || chainId <= 0) throw new Error(`${source} has no valid chainId.`);
  const addresses = {} as Record<ModuleName, Address>;
  for (const name of MODULES) {
    const value = record[name];
    if (typeof value !== 'string' || !isAddress(value)) throw new Error(`${source} has no valid ${name} address: redeploy (npm start -- --reset locally).`);
    addresses[name] = value;
  }
  // Forge writes `<Name>Implementation` keys; a file written back from parsed deployments has them
  // under `implementations`.
  const implementations: Record<string, Address> = {};
  const nested = typeof record.implementations === 'object' && record.implementations !== null ? Object.entries(record.implementations) : [];
  for (const [key, value] of nested) {
    if (typeof value === 'string' && isAddress(value)) implementations[key] = value;
  }
  for (const [key, value] of Object.entries(record)) {
    if (key.endsWith('Implementation') && typeof value === 'string' && isAddress(value)) implementations[key.slice(0, -'Implementation'.length)] = value;
  }
  return { chainId, deployBlock: Number(record.deployBlock ?? 0), implementations, ...addresses };
}

/** What the browser needs to talk to the organization's chain. */
export interface PublicChainConfig {
  chainId: number;
  chainName: string;
  /** RPC URL reachable from the browser. */
  rpcUrl: string;
  explorerUrl: string | null;
  /** True on a local development chain: enables the dev wallet. */
  isLocal: boolean;
  walletConnectProjectId: string | null;
  deployments: Deployments;
}

/** A viem chain object for the configured network. */
export function toViemChain(config: Pick<PublicChainConfig, 'chainId' | 'chainName' | 'rpcUrl' | 'explorerUrl'>): Chain {
  return defineChain({
    id: config.chainId,
    name: config.chainName,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [config.rpcUrl] } },
    ...(config.explorerUrl ? { blockExplorers: { default: { name: 'Explorer', url: config.explorerUrl } } } : {}),
  });
}
