// Helpers for the keeper's and rating agent's integration tests on top of ./localOrganization.ts:
// act as dev accounts (join, list, order), move chain time, and run agents as processes
// (./agentProcess.ts) against the organization.
import { createPublicClient, createWalletClient, http, parseEther, type Hash, type PublicClient } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { toViemChain, type Deployments } from '../../lib/chain';
import { devAccounts } from '../../lib/devAccounts';
import { collaboratorRegistryAbi, marketplaceAbi } from '../../lib/generated/abis';
import { localGovernanceEnv } from '../../scripts/lib/governance';
import { stopProcess } from '../../scripts/lib/local';
import { startAgentProcess, type AgentProcess } from './agentProcess';
import { startLocalOrganization } from './localOrganization';

export interface TestOrganization {
  rpcUrl: string;
  deployments: Deployments;
  deploymentsFile: string;
  contentUrl: string;
  contentDir: string;
  client: PublicClient;
  wallet(index: number): ReturnType<typeof walletFor>;
  /** Waits for a transaction and fails on a revert. */
  confirm(hash: Hash): Promise<void>;
  /** Moves chain time forward and mines a block. */
  advanceTime(seconds: number): Promise<void>;
  stop(): Promise<void>;
}

function walletFor(rpcUrl: string, chainId: number, index: number) {
  const chain = toViemChain({ chainId, chainName: 'test', rpcUrl, explorerUrl: null });
  return createWalletClient({ chain, transport: http(rpcUrl), account: privateKeyToAccount(devAccounts[index]!.privateKey) });
}

/** Starts a local organization (./localOrganization.ts) with the local council, plus the helpers above. */
export async function startTestOrganization(env: Record<string, string> = {}): Promise<TestOrganization> {
  const local = await startLocalOrganization({ ...localGovernanceEnv(), ...env });
  const { rpcUrl, deployments } = local;
  const chain = toViemChain({ chainId: deployments.chainId, chainName: 'test', rpcUrl, explorerUrl: null });
  const client = createPublicClient({ chain, transport: http(rpcUrl), pollingInterval: 100 }) as PublicClient;
  return {
    rpcUrl,
    deployments,
    deploymentsFile: local.deploymentsFile,
    contentUrl: local.content.url,
    contentDir: local.contentDir,
    client,
    wallet: (index) => walletFor(rpcUrl, deployments.chainId, index),
    async confirm(hash) {
      const receipt = await client.waitForTransactionReceipt({ hash });
      if (receipt.status !== 'success') throw new Error(`transaction ${hash} reverted`);
    },
    async advanceTime(seconds) {
      await client.request({ method: 'evm_increaseTime' as never, params: [seconds] as never });
      await client.request({ method: 'evm_mine' as never, params: [] as never });
    },
    stop: () => local.stop(),
  };
}

/** Joins the registry as dev account `index` with `kinds` (1 service, 2 rating, …) and the minimum bond. */
export async function joinAs(org: TestOrganization, index: number, kinds: number, name: string): Promise<void> {
  const registry = { address: org.deployments.CollaboratorRegistry, abi: collaboratorRegistryAbi } as const;
  const minBond = await org.client.readContract({ ...registry, functionName: 'minBond' });
  const zero = `0x${'0'.repeat(64)}` as const;
  await org.confirm(await org.wallet(index).writeContract({ ...registry, functionName: 'join', args: [kinds, name, '', '', zero], value: minBond > 0n ? minBond : parseEther('0.01') }));
}

/** Lists a service as dev account `seller`; returns its id. */
export async function listService(org: TestOrganization, seller: number, title: string, deliveryWindow = 60, metadataURI = ''): Promise<bigint> {
  const market = { address: org.deployments.Marketplace, abi: marketplaceAbi } as const;
  await org.confirm(await org.wallet(seller).writeContract({ ...market, functionName: 'listService', args: [title, metadataURI, parseEther('0.001'), deliveryWindow] }));
  return org.client.readContract({ ...market, functionName: 'serviceCount' });
}

/** Orders `serviceId` as dev account `buyer`; returns the order id. */
export async function placeOrder(org: TestOrganization, buyer: number, serviceId: bigint, requestURI: string): Promise<bigint> {
  const market = { address: org.deployments.Marketplace, abi: marketplaceAbi } as const;
  const service = await org.client.readContract({ ...market, functionName: 'getService', args: [serviceId] });
  await org.confirm(await org.wallet(buyer).writeContract({ ...market, functionName: 'order', args: [serviceId, requestURI], value: service.price }));
  return org.client.readContract({ ...market, functionName: 'orderCount' });
}

/** Starts `collaborators/<name>/main.ts` as a process (./agentProcess.ts) for `org`, as dev account `keyIndex`. */
export function startOrgAgent(name: string, org: TestOrganization, keyIndex: number, extraArgs: readonly string[] = []): AgentProcess {
  return startAgentProcess(`${name}/main.ts`, ['--rpc', org.rpcUrl, '--deployments', org.deploymentsFile, '--content', org.contentUrl, '--poll', '200', ...extraArgs], {
    OSO_AGENT_KEY: devAccounts[keyIndex]!.privateKey,
  });
}

/** SIGINT, then SIGKILL if it does not exit within 10 s. */
export async function stopAgent(agent: AgentProcess): Promise<void> {
  await stopProcess(agent.child, 'SIGINT', 10_000);
}

/** Polls `check` until it returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 200));
  }
}
