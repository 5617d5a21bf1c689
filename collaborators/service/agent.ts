// The reference service agent: joins the registry as a service collaborator, lists one service
// per job and delivers every order placed with it, deriving its work from chain state on each tick.
import { marketplaceAbi } from '../../lib/generated/abis';
import { REFERENCE_PROGRAMS, type ReferenceProgram } from '../reference';
import { AgentConfigError, isUnreachable, shortMessage, type AgentContext, type AgentDefinition } from '../runtime';
import { deliverOrder, honestResult, type ResultPolicy } from './deliver';
import { JOBS, type Job } from './jobs';
import { ensureMember, ensureServices, parseTerms, type Identity } from './membership';
import { OpenOrderWatch } from './openOrders';

type OptionDefaults = Partial<Record<'name' | 'description' | 'price' | 'delivery-window' | 'jobs', string>>;

/** The service agent's own options; a variant may change the defaults. */
export function serviceOptions(defaults: OptionDefaults = {}) {
  const text = (valueName: string, fallback: string, description: string) => ({ type: 'string' as const, valueName, default: fallback, description });
  return {
    name: text('TEXT', defaults.name ?? 'Reference service agent', 'registry display name (1–64 bytes)'),
    description: text('TEXT', defaults.description ?? 'Sells deterministic computations: every result can be recomputed from the request by anyone.', 'one paragraph for the profile document'),
    price: text('ETH', defaults.price ?? '0.001', 'price of each listed service'),
    'delivery-window': text('SECONDS', defaults['delivery-window'] ?? '3600', 'delivery window of each listed service'),
    jobs: text('KEYS', defaults.jobs ?? JOBS.map((job) => job.key).join(','), 'comma-separated jobs to sell'),
  };
}

type ServiceOptions = ReturnType<typeof serviceOptions>;

export interface ServiceVariant {
  /** Logged agent name and npm script suffix. */
  name: string;
  summary: string;
  /** The published source: manifest name and folders (collaborators/reference.ts). */
  source: ReferenceProgram;
  /** Extra profile text (e.g. the demo warning). */
  profileNote?: string;
  policy: ResultPolicy;
  /** Overrides of option defaults. */
  defaults?: OptionDefaults;
}

interface ServiceState {
  jobs: readonly Job[];
  /** Job of each of the seller's services; null for a service the agent does not serve. */
  services: Map<bigint, Job | null>;
  watch: OpenOrderWatch;
  /** Orders already reported as past their deadline or of an unknown service (logged once). */
  reported: Set<bigint>;
}

function selectJobs(keys: string): Job[] {
  const wanted = keys.split(',').map((key) => key.trim()).filter(Boolean);
  const unknown = wanted.filter((key) => !JOBS.some((job) => job.key === key));
  if (unknown.length || wanted.length === 0) throw new AgentConfigError(`--jobs must list some of ${JOBS.map((j) => j.key).join(', ')} (unknown: ${unknown.join(', ') || 'none given'}).`);
  return JOBS.filter((job) => wanted.includes(job.key));
}

function profileDocument(name: string, description: string, jobs: readonly Job[], note: string | undefined): string {
  return [
    `# ${name}`,
    '',
    ...(note ? [note, ''] : []),
    description,
    '',
    'Services:',
    ...jobs.map((job) => `- ${job.title} (\`${job.key}\`, version ${job.version})`),
    '',
    'Source: the JSON manifest behind this collaborator\'s sourceURI lists every file of the program with its SHA-256;',
    'sourceHash is the SHA-256 of that manifest. Recompute it from the OSO repository (docs/collaborators.md).',
    '',
  ].join('\n');
}

export function serviceAgent(variant: ServiceVariant): AgentDefinition<ServiceOptions, ServiceState> {
  return {
    name: variant.name,
    summary: variant.summary,
    options: serviceOptions(variant.defaults),
    async setup(ctx) {
      const jobs = selectJobs(ctx.options.jobs);
      const terms = parseTerms(ctx.options.price, ctx.options['delivery-window']);
      const name = ctx.options.name.trim();
      const nameBytes = new TextEncoder().encode(name).length;
      if (nameBytes < 1 || nameBytes > 64) throw new AgentConfigError(`--name must be 1–64 bytes (got ${nameBytes}).`);
      const identity: Identity = {
        name,
        profile: profileDocument(name, ctx.options.description, jobs, variant.profileNote),
        manifestName: variant.source.manifestName,
        sourceFolders: variant.source.folders,
      };
      const mayList = await ensureMember(ctx, identity);
      const services: Map<bigint, Job | null> = await ensureServices(ctx, jobs, terms, mayList);
      const watch = new OpenOrderWatch(ctx.publicClient, ctx.deployments.Marketplace, ctx.account.address, BigInt(ctx.deployments.deployBlock));
      return { jobs, services, watch, reported: new Set() };
    },
    async tick(ctx, state) {
      const open = await state.watch.open();
      if (open.length === 0) return;
      const now = Number((await ctx.publicClient.getBlock()).timestamp);
      for (const item of open) {
        if (ctx.signal.aborted) break;
        const { order } = item;
        const job = await jobOf(ctx, state, order.serviceId);
        if (!job || now > order.deliverBy) {
          if (!state.reported.has(order.id)) ctx.log.warn(job ? 'order.expired' : 'order.unknown-service', { orderId: order.id, serviceId: order.serviceId, deliverBy: order.deliverBy });
          state.reported.add(order.id);
          continue;
        }
        try {
          await deliverOrder(ctx, job, item, variant.policy);
        } catch (error) {
          if (isUnreachable(error)) throw error;
          ctx.log.warn('order.failed', { orderId: order.id, error: shortMessage(error) });
        }
      }
    },
  };
}

/** The job of one of the seller's services; re-reads the service when it was listed after setup. */
async function jobOf(ctx: AgentContext, state: ServiceState, serviceId: bigint): Promise<Job | undefined> {
  if (!state.services.has(serviceId)) {
    const service = await ctx.publicClient.readContract({ address: ctx.deployments.Marketplace, abi: marketplaceAbi, functionName: 'getService', args: [serviceId] });
    state.services.set(serviceId, state.jobs.find((j) => j.title === service.title) ?? null);
  }
  return state.services.get(serviceId) ?? undefined;
}

export const referenceService: ServiceVariant = {
  name: 'service',
  summary: 'The reference service agent: joins the registry as a service collaborator, lists one service per job (text statistics, SHA-256 notarization, JSON Schema validation, prime factorization) and delivers every order it receives, deriving its work from chain state.',
  source: REFERENCE_PROGRAMS.service,
  policy: honestResult,
};
