// The rating agent: a registry member of kind "rating" that audits service collaborators. It
// samples settled orders (a public rule on the order id), re-executes the deterministic job,
// compares the result hash with the delivered one and issues, renews or revokes certificates by
// the rules in ./rules.ts, each decision with an evidence document. Progress is derived from chain
// state (its certificates and their evidence, the orders' states), so a restart is safe.
// Run: npm run agent:rating -- --key 0x… [--rpc URL] [--content URL] (see --help).
import { KIND_BIT } from '../../lib/collaborators';
import { REFERENCE_PROGRAMS } from '../reference';
import { AgentConfigError, ensureMember, runAgent } from '../runtime';
import { RatingAgent } from './agent';
import { DEFAULT_RULES, type RatingRules } from './rules';

const PROFILE = `# OSO reference rating agent

Audits the service collaborators of the Open Source Organization: it samples settled orders by a
public rule, re-executes the deterministic job on the request document, compares the hash of the
honest result with the delivered \`resultHash\`, and issues, renews or revokes certificates by the
rules in docs/collaborators.md. Every decision links its evidence document.
`;

function parseRules(sampleRate: string): RatingRules {
  const bps = Number(sampleRate);
  if (!Number.isSafeInteger(bps) || bps < 1 || bps > 10_000) throw new AgentConfigError(`--sample-rate must be whole basis points from 1 to 10000 (got ${sampleRate}).`);
  return { ...DEFAULT_RULES, sampleRateBps: bps };
}

runAgent({
  name: 'rating',
  summary: [
    'The rating agent: joins the registry as a rating collaborator (if needed), audits sampled settled orders of service collaborators by re-executing their deterministic job, and certifies by published rules:',
    'bronze after 1 verified order, silver after 3, gold after 5, valid 90 days and renewed 14 days before expiry; any mismatch revokes every live certificate it issued to that service, for good.',
    'An order is sampled when keccak256(abi.encode(orderId)) mod 10000 < the sample rate. Every decision stores an evidence document (orders checked, expected vs delivered hashes).',
  ].join('\n'),
  options: {
    'sample-rate': { type: 'string', valueName: 'BPS', default: String(DEFAULT_RULES.sampleRateBps), description: 'share of settled orders audited, in basis points (10000 = all)' },
    name: { type: 'string', valueName: 'NAME', default: 'OSO reference rating agent', description: 'display name when joining the registry' },
  },
  setup: async (ctx) => {
    const rules = parseRules(ctx.options['sample-rate']);
    await ensureMember(ctx, { kinds: KIND_BIT.rating, name: ctx.options.name, profile: PROFILE, program: REFERENCE_PROGRAMS.rating, requiresMembership: true });
    const agent = new RatingAgent(ctx, rules);
    await agent.recallEvidence();
    ctx.log.info('rating.rules', { sampleRateBps: rules.sampleRateBps, levels: rules.levels, validitySeconds: rules.validitySeconds, renewBeforeSeconds: rules.renewBeforeSeconds });
    return agent;
  },
  tick: (_ctx, agent) => agent.tick(),
});
