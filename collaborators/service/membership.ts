// Joining the registry as a service collaborator and listing one service per job — idempotent, so
// every start converges to the same chain state without duplicates.
import { formatEther, parseEther, type Address } from 'viem';
import { STATUSES } from '../../lib/collaborators';
import { collaboratorRegistryAbi, marketplaceAbi } from '../../lib/generated/abis';
import { AgentConfigError, buildSourceManifest, type AgentContext } from '../runtime';
import type { Job } from './jobs';

export const KIND_SERVICE = 1;

export interface Identity {
  name: string;
  /** Markdown of the profile document. */
  profile: string;
  /** Name inside the source manifest. */
  manifestName: string;
  /** Folders (repository-relative) whose files make up the agent's source. */
  sourceFolders: readonly string[];
}

export interface Terms {
  priceWei: bigint;
  deliveryWindow: number;
}

/** Parses the service terms from the command line options. */
export function parseTerms(price: string, deliveryWindow: string): Terms {
  let priceWei: bigint;
  try {
    priceWei = parseEther(price);
  } catch {
    throw new AgentConfigError(`--price must be an amount of ETH such as 0.001 (got ${price}).`);
  }
  if (priceWei <= 0n) throw new AgentConfigError('--price must be above 0.');
  const seconds = Number(deliveryWindow);
  if (!Number.isSafeInteger(seconds) || seconds < 60 || seconds > 90 * 86_400) {
    throw new AgentConfigError(`--delivery-window must be whole seconds between 60 and 7776000 (got ${deliveryWindow}).`);
  }
  return { priceWei, deliveryWindow: seconds };
}

/** Makes the account an Active service collaborator whose record names this agent's source. Returns whether it may list. */
export async function ensureMember(ctx: AgentContext, identity: Identity): Promise<boolean> {
  const registry = { address: ctx.deployments.CollaboratorRegistry, abi: collaboratorRegistryAbi } as const;
  const me = ctx.account.address;
  const source = buildSourceManifest(identity.manifestName, identity.sourceFolders);
  const sourceURI = await ctx.content.putDocument(source.bytes, 'application/json');
  const profileURI = await ctx.content.putDocument(identity.profile, 'text/markdown');
  const record = await ctx.publicClient.readContract({ ...registry, functionName: 'get', args: [me] });
  const status = STATUSES[record.status] ?? 'none';
  ctx.log.info('registry.status', { status, sourceURI, sourceHash: source.sourceHash, files: source.manifest.files.length });

  if (status === 'none' || status === 'exited') {
    const bond = await ctx.publicClient.readContract({ ...registry, functionName: 'minBond' });
    const { request } = await ctx.publicClient.simulateContract({
      ...registry,
      account: ctx.account,
      functionName: 'join',
      args: [KIND_SERVICE, identity.name, profileURI, sourceURI, source.sourceHash],
      value: bond,
    });
    await ctx.confirm(await ctx.walletClient.writeContract(request), 'join');
    ctx.log.info('registry.joined', { name: identity.name, bond: formatEther(bond), sourceURI, sourceHash: source.sourceHash });
    return true;
  }
  if (status === 'unbonding') throw new AgentConfigError(`${me} is leaving the registry (unbonding): it cannot serve; use another key or wait and join again.`);

  const kinds = record.kinds | KIND_SERVICE;
  const current = [record.kinds, record.name, record.profileURI, record.sourceURI, record.sourceHash.toLowerCase()];
  const wanted = [kinds, identity.name, profileURI, sourceURI, source.sourceHash.toLowerCase()];
  if (current.some((value, i) => value !== wanted[i])) {
    const { request } = await ctx.publicClient.simulateContract({
      ...registry,
      account: ctx.account,
      functionName: 'update',
      args: [kinds, identity.name, profileURI, sourceURI, source.sourceHash],
    });
    await ctx.confirm(await ctx.walletClient.writeContract(request), 'update profile');
    ctx.log.info('registry.updated', { name: identity.name, sourceURI, sourceHash: source.sourceHash });
  }
  if (status === 'suspended') ctx.log.warn('registry.suspended', { note: 'suspended by governance: no new listings; open orders are still delivered' });
  return status === 'active';
}

/** The seller's services that carry a job's title, by service id (lists the missing ones when `list`). */
export async function ensureServices(ctx: AgentContext, jobs: readonly Job[], terms: Terms, list: boolean): Promise<Map<bigint, Job>> {
  const market = { address: ctx.deployments.Marketplace, abi: marketplaceAbi } as const;
  const me: Address = ctx.account.address;
  const ids = await ctx.publicClient.readContract({ ...market, functionName: 'servicesOf', args: [me] });
  const services = await Promise.all(ids.map((id) => ctx.publicClient.readContract({ ...market, functionName: 'getService', args: [id] })));
  const byId = new Map<bigint, Job>();
  for (const service of services) {
    const job = jobs.find((j) => j.title === service.title);
    if (job) byId.set(service.id, job);
  }
  for (const job of jobs) {
    if ([...byId.values()].includes(job) || !list) continue;
    const metadataURI = await ctx.content.putDocument(job.description, 'text/markdown');
    const { request, result: serviceId } = await ctx.publicClient.simulateContract({
      ...market,
      account: ctx.account,
      functionName: 'listService',
      args: [job.title, metadataURI, terms.priceWei, terms.deliveryWindow],
    });
    await ctx.confirm(await ctx.walletClient.writeContract(request), `list ${job.key}`);
    byId.set(serviceId, job);
    ctx.log.info('service.listed', { serviceId, job: job.key, title: job.title, price: formatEther(terms.priceWei), deliveryWindow: terms.deliveryWindow, metadataURI });
  }
  return byId;
}
