// Runtime configuration of the server side, read from the environment on each process start.
// OSO_RPC_URL        RPC the server reads through (default http://127.0.0.1:8545)
// OSO_PUBLIC_RPC_URL RPC the browser uses (default: OSO_RPC_URL)
// OSO_CHAIN_ID       chain id (default 31337, the local anvil chain)
// OSO_CHAIN_NAME     display name
// OSO_EXPLORER_URL   block explorer base URL (optional)
// OSO_DEPLOYMENTS_FILE  deployment addresses (default deployments/<chainId>.json)
// OSO_WALLETCONNECT_PROJECT_ID  enables WalletConnect (optional; no WalletConnect traffic without it)
import 'server-only';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_RPC_URL, LOCAL_CHAIN_ID, parseDeployments, type Deployments, type PublicChainConfig } from '../chain';

export class ConfigError extends Error {}

export interface ServerConfig extends PublicChainConfig {
  serverRpcUrl: string;
}

function readDeployments(file: string, chainId: number): Deployments {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch {
    throw new ConfigError(`No deployments file at ${file}: deploy the contracts first (npm start does it locally).`);
  }
  let deployments: Deployments;
  try {
    deployments = parseDeployments(JSON.parse(raw), file);
  } catch (error) {
    throw new ConfigError(error instanceof Error ? error.message : String(error));
  }
  if (deployments.chainId !== chainId) {
    throw new ConfigError(`${file} is for chain ${deployments.chainId}, not ${chainId}.`);
  }
  return deployments;
}

let cached: ServerConfig | null = null;

/** The server's configuration; throws ConfigError with a readable message when it is incomplete. */
export function serverConfig(): ServerConfig {
  if (cached) return cached;
  const env = process.env;
  const chainId = Number(env.OSO_CHAIN_ID ?? LOCAL_CHAIN_ID);
  const serverRpcUrl = env.OSO_RPC_URL ?? DEFAULT_RPC_URL;
  const file = env.OSO_DEPLOYMENTS_FILE ?? join(process.cwd(), 'deployments', `${chainId}.json`);
  const config: ServerConfig = {
    chainId,
    chainName: env.OSO_CHAIN_NAME ?? (chainId === LOCAL_CHAIN_ID ? 'OSO local (anvil)' : `Chain ${chainId}`),
    serverRpcUrl,
    rpcUrl: env.OSO_PUBLIC_RPC_URL ?? serverRpcUrl,
    explorerUrl: env.OSO_EXPLORER_URL ?? null,
    isLocal: chainId === LOCAL_CHAIN_ID,
    walletConnectProjectId: env.OSO_WALLETCONNECT_PROJECT_ID || null,
    deployments: readDeployments(file, chainId),
  };
  cached = config;
  return config;
}

/** The part of the configuration the browser may see. */
export function publicConfig(): PublicChainConfig {
  const { serverRpcUrl: _serverOnly, ...rest } = serverConfig();
  void _serverOnly;
  return rest;
}
