// The one place for chain configuration. Server code resolves it from the environment at run time
// (lib/server/config.ts) and hands the public part to the browser, so one build serves any chain.
import { defineChain, type Address, type Chain } from 'viem';

export const LOCAL_CHAIN_ID = 31337;
export const DEFAULT_RPC_URL = 'http://127.0.0.1:8545';

/** Addresses of the deployed modules on one chain, from deployments/<chainId>.json. */
export interface Deployments {
  chainId: number;
  deployBlock: number;
  CollaboratorRegistry: Address;
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
