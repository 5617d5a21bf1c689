// Joining the registry as a collaborator of given kinds, idempotently: the record names the agent's
// code by its source manifest (./source.ts: sourceURI = ipfs:// of the manifest, sourceHash = its
// sha256), so anyone can check the code that acts for the organization. Used by the rating and
// keeper agents (the service agent, which also lists services, has its own).
import { formatEther } from 'viem';
import { STATUSES } from '../../lib/collaborators';
import { collaboratorRegistryAbi } from '../../lib/generated/abis';
import type { ReferenceProgram } from '../reference';
import type { AgentContext } from './agent';
import type { OptionSpecs } from './cli';
import { AgentConfigError } from './errors';
import { buildSourceManifest } from './source';

export interface Membership {
  /** Kind bits it must hold (CollaboratorRegistry: 1 service, 2 rating, 4 oracle, 8 agent). */
  kinds: number;
  /** Registry name when joining (1–64 bytes). */
  name: string;
  /** Markdown profile document. */
  profile: string;
  /** The reference program whose manifest the record names. */
  program: ReferenceProgram;
  /** Whether the agent cannot work while leaving (unbonding): then starting is a configuration error. */
  requiresMembership: boolean;
}

/** Makes the account a collaborator of `m.kinds` whose record names this code. */
export async function ensureMember<O extends OptionSpecs>(ctx: AgentContext<O>, m: Membership): Promise<void> {
  const registry = { address: ctx.deployments.CollaboratorRegistry, abi: collaboratorRegistryAbi } as const;
  const me = ctx.account.address;
  const { manifestName, folders } = m.program;
  const source = buildSourceManifest(manifestName, folders);
  const sourceURI = await ctx.content.putDocument(source.bytes, 'application/json');
  const profileURI = await ctx.content.putDocument(m.profile, 'text/markdown');
  const record = await ctx.publicClient.readContract({ ...registry, functionName: 'get', args: [me] });
  const status = STATUSES[record.status] ?? 'none';
  ctx.log.info('registry.status', { status, sourceURI, sourceHash: source.sourceHash });

  if (status === 'none' || status === 'exited') {
    const bond = await ctx.publicClient.readContract({ ...registry, functionName: 'minBond' });
    const { request } = await ctx.publicClient.simulateContract({
      ...registry,
      account: ctx.account,
      functionName: 'join',
      args: [m.kinds, m.name, profileURI, sourceURI, source.sourceHash],
      value: bond,
    });
    await ctx.confirm(await ctx.walletClient.writeContract(request), 'join');
    ctx.log.info('registry.joined', { name: m.name, bond: formatEther(bond), sourceURI, sourceHash: source.sourceHash });
    return;
  }
  if (status === 'unbonding') {
    if (m.requiresMembership) throw new AgentConfigError(`${me} is leaving the registry (unbonding): it cannot do this work; use another key.`);
    ctx.log.warn('registry.unbonding', { note: 'leaving the registry; working on without membership' });
    return;
  }
  const kinds = record.kinds | m.kinds;
  const changed = record.kinds !== kinds || record.sourceURI !== sourceURI || record.sourceHash.toLowerCase() !== source.sourceHash.toLowerCase();
  if (changed) {
    const { request } = await ctx.publicClient.simulateContract({
      ...registry,
      account: ctx.account,
      functionName: 'update',
      args: [kinds, record.name, record.profileURI || profileURI, sourceURI, source.sourceHash],
    });
    await ctx.confirm(await ctx.walletClient.writeContract(request), 'update profile');
    ctx.log.info('registry.updated', { sourceURI, sourceHash: source.sourceHash });
  }
  if (status === 'suspended') ctx.log.warn('registry.suspended', { note: 'suspended by governance' });
}
