// Start-up of an agent: the account, the deployments, the chain checks and the viem clients.
// Operator mistakes (missing or invalid deployments file, a chain other than the file's, no
// contract code at a deployed address) throw AgentConfigError; an unreachable RPC is retried with
// backoff until it answers or the agent is asked to stop.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createPublicClient,
  createWalletClient,
  http,
  type Chain,
  type Hash,
  type PublicClient,
  type TransactionReceipt,
  type Transport,
  type WalletClient,
} from 'viem';
import { privateKeyToAccount, type PrivateKeyAccount } from 'viem/accounts';
import { LOCAL_CHAIN_ID, MODULES, parseDeployments, toViemChain, type Deployments } from '../../lib/chain';
import { backoffDelay, sleep, type BackoffPolicy } from './backoff';
import type { CommonOptions } from './cli';
import { AgentConfigError, isUnreachable, shortMessage } from './errors';
import type { Logger } from './log';

/** The repository root (collaborators/runtime/../..). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export type AgentPublicClient = PublicClient<Transport, Chain>;
export type AgentWalletClient = WalletClient<Transport, Chain, PrivateKeyAccount>;

export interface ChainConnection {
  account: PrivateKeyAccount;
  chain: Chain;
  publicClient: AgentPublicClient;
  walletClient: AgentWalletClient;
  deployments: Deployments;
  deploymentsFile: string;
  /** Waits for a transaction's receipt; throws if it reverted. Logs tx.mined with `label`. */
  confirm(hash: Hash, label: string): Promise<TransactionReceipt>;
}

/** Reads and validates a deployments file; AgentConfigError when it is missing or invalid. */
export function loadDeploymentsFile(file: string): Deployments {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new AgentConfigError(`No deployments file at ${file}: deploy the contracts first (npm start does it locally) or pass --deployments.`);
  }
  try {
    return parseDeployments(JSON.parse(text), file);
  } catch (error) {
    throw new AgentConfigError(error instanceof SyntaxError ? `${file} is not valid JSON.` : error instanceof Error ? error.message : String(error));
  }
}

/** The default deployments file of a chain: deployments/<chainId>.json in this repository. */
export function defaultDeploymentsFile(chainId: number): string {
  return join(REPO_ROOT, 'deployments', `${chainId}.json`);
}

/** Checks that every deployed module has code on the chain. */
async function checkCode(client: AgentPublicClient, deployments: Deployments, file: string): Promise<void> {
  const codes = await Promise.all(MODULES.map((name) => client.getCode({ address: deployments[name] })));
  const missing = MODULES.filter((_, i) => codes[i] === undefined || codes[i] === '0x');
  if (missing.length) {
    const first = missing[0]!;
    throw new AgentConfigError(`No contract code at ${first} ${deployments[first]} (from ${file}) on chain ${deployments.chainId}: the chain was reset or the file is stale — redeploy.`);
  }
}

/** Calls `attempt` until it succeeds, retrying with backoff while the RPC is unreachable; null if `signal` aborts first. */
export async function untilReachable<T>(what: string, attempt: () => Promise<T>, log: Logger, signal: AbortSignal, policy: BackoffPolicy): Promise<T | null> {
  for (let failures = 1; !signal.aborted; failures++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isUnreachable(error)) throw error;
      const retryInMs = backoffDelay(failures, policy);
      log.warn('rpc.unreachable', { what, attempt: failures, retryInMs, error: shortMessage(error) });
      await sleep(retryInMs, signal);
    }
  }
  return null;
}

/** Connects to the chain and checks it against the deployments; null if `signal` aborted meanwhile. */
export async function connect(common: CommonOptions, log: Logger, signal: AbortSignal, policy: BackoffPolicy): Promise<ChainConnection | null> {
  const account = privateKeyToAccount(common.key);
  const explicit = common.deploymentsFile ? resolve(common.deploymentsFile) : null;
  const preloaded = explicit ? loadDeploymentsFile(explicit) : null;
  const probe = createPublicClient({ transport: http(common.rpcUrl, { retryCount: 0, timeout: 5_000 }) });

  const chainId = await untilReachable('eth_chainId', () => probe.getChainId(), log, signal, policy);
  if (chainId === null) return null;
  const deploymentsFile = explicit ?? defaultDeploymentsFile(chainId);
  const deployments = preloaded ?? loadDeploymentsFile(deploymentsFile);
  if (deployments.chainId !== chainId) {
    throw new AgentConfigError(`Wrong chain: ${deploymentsFile} is for chain ${deployments.chainId}, but ${common.rpcUrl} is chain ${chainId}.`);
  }

  const chain = toViemChain({
    chainId,
    chainName: chainId === LOCAL_CHAIN_ID ? 'OSO local (anvil)' : `Chain ${chainId}`,
    rpcUrl: common.rpcUrl,
    explorerUrl: null,
  });
  const transport = http(common.rpcUrl, { retryCount: 0, timeout: 10_000 });
  const pollingInterval = Math.min(common.pollMs, 250);
  const publicClient: AgentPublicClient = createPublicClient({ chain, transport, pollingInterval });
  const walletClient: AgentWalletClient = createWalletClient({ chain, transport, account, pollingInterval });
  const checked = await untilReachable('contract code', () => checkCode(publicClient, deployments, deploymentsFile), log, signal, policy);
  if (checked === null) return null;

  const confirm = async (hash: Hash, label: string): Promise<TransactionReceipt> => {
    const receipt = await publicClient.waitForTransactionReceipt({ hash, timeout: 60_000 });
    if (receipt.status !== 'success') throw new Error(`${label}: transaction ${hash} reverted`);
    log.info('tx.mined', { label, hash, block: receipt.blockNumber, gasUsed: receipt.gasUsed });
    return receipt;
  };
  return { account, chain, publicClient, walletClient, deployments, deploymentsFile, confirm };
}
