// Joining the registry as a rating collaborator, idempotently: the record names this agent's code
// by the same source manifest the service agent publishes (runtime/source.ts: sourceURI = ipfs://
// of the manifest, sourceHash = its sha256), so anyone can check the code that rates them.
import { formatEther } from 'viem';
import { STATUSES } from '../../lib/collaborators';
import { collaboratorRegistryAbi } from '../../lib/generated/abis';
import { REFERENCE_PROGRAMS } from '../reference';
import { AgentConfigError, buildSourceManifest, type AgentContext } from '../runtime';

/** CollaboratorRegistry.KIND_RATING = Certificates.KIND_RATING. */
export const KIND_RATING = 2;

const PROFILE = `# OSO reference rating agent

Audits the service collaborators of the Open Source Organization: it samples settled orders by a
public rule, re-executes the deterministic job on the request document, compares the hash of the
honest result with the delivered \`resultHash\`, and issues, renews or revokes certificates by the
rules in docs/collaborators.md. Every decision links its evidence document.
`;

/** Makes the account an Active rating collaborator whose record names this code. */
export async function ensureRatingMember(ctx: AgentContext, name: string): Promise<void> {
  const registry = { address: ctx.deployments.CollaboratorRegistry, abi: collaboratorRegistryAbi } as const;
  const me = ctx.account.address;
  const { manifestName, folders } = REFERENCE_PROGRAMS.rating;
  const source = buildSourceManifest(manifestName, folders);
  const sourceURI = await ctx.content.putDocument(source.bytes, 'application/json');
  const profileURI = await ctx.content.putDocument(PROFILE, 'text/markdown');
  const record = await ctx.publicClient.readContract({ ...registry, functionName: 'get', args: [me] });
  const status = STATUSES[record.status] ?? 'none';
  ctx.log.info('registry.status', { status, sourceURI, sourceHash: source.sourceHash });

  if (status === 'none' || status === 'exited') {
    const bond = await ctx.publicClient.readContract({ ...registry, functionName: 'minBond' });
    const { request } = await ctx.publicClient.simulateContract({
      ...registry,
      account: ctx.account,
      functionName: 'join',
      args: [KIND_RATING, name, profileURI, sourceURI, source.sourceHash],
      value: bond,
    });
    await ctx.confirm(await ctx.walletClient.writeContract(request), 'join');
    ctx.log.info('registry.joined', { name, bond: formatEther(bond), sourceURI, sourceHash: source.sourceHash });
    return;
  }
  if (status === 'unbonding') throw new AgentConfigError(`${me} is leaving the registry (unbonding): it cannot certify; use another key.`);
  const kinds = record.kinds | KIND_RATING;
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
  if (status === 'suspended') ctx.log.warn('registry.suspended', { note: 'suspended by governance: certificates cannot be issued' });
}
