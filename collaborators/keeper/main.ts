// The keeper agent: acts on the organization's output so nothing waits on a human. Every tick it
// reads the chain, plans (./plan.ts) and sends: releases past the review window, refunds past the
// delivery deadline, dispute periods that are due, queued proposals to execute (succeeded ones to
// queue with --queue-proposals) and activity credits. Run: npm run agent:keeper -- --key 0x… [--rpc URL] (see --help).
import { KIND_BIT } from '../../lib/collaborators';
import { REFERENCE_PROGRAMS } from '../reference';
import { ensureMember, runAgent } from '../runtime';
import { sendKeeperAction } from './act';
import { emptyCreditCache, readCreditable } from './credit';
import { describeKeeperAction, planKeeperActions } from './plan';
import { emptyKeeperCache, readKeeperView } from './read';

const PROFILE = `# OSO reference keeper

Acts on the organization's output so nothing waits on a human: releases orders past their review
window, refunds orders past their delivery deadline, advances dispute periods that are due,
executes queued proposals once the timelock's delay has passed, and credits activity points.
Every call it makes is open to anyone; see docs/collaborators.md.
`;

runAgent({
  name: 'keeper',
  summary:
    'The keeper agent: releases orders past their review window, refunds orders past their delivery deadline, advances dispute periods that are due, executes queued proposals of the governor in office once their delay has passed (and queues succeeded ones with --queue-proposals), and credits activity points (ActivityCreditor) for settled orders, ratings and coherent jury duty. Any account can run it (it needs gas only); its decisions follow from chain state alone, so restarting it is safe.',
  options: {
    name: { type: 'string', valueName: 'NAME', default: 'OSO reference keeper', description: 'display name when joining the registry (as an agent collaborator)' },
    'queue-proposals': { type: 'boolean', description: 'also queue succeeded proposals of the governor in office (by default only queued ones are executed)' },
  },
  setup: async (ctx) => {
    // Its work needs no membership (every call it makes is open to anyone); joining as an agent
    // collaborator makes it visible in the directory with its source, like any other collaborator.
    await ensureMember(ctx, { kinds: KIND_BIT.agent, name: ctx.options.name, profile: PROFILE, program: REFERENCE_PROGRAMS.keeper, requiresMembership: false });
    return { chain: emptyKeeperCache(), credits: emptyCreditCache() };
  },
  tick: async (ctx, caches) => {
    const view = await readKeeperView(ctx, caches.chain);
    const creditable = await readCreditable(ctx, caches.credits, view.block);
    const actions = planKeeperActions({ ...view.state, creditable }, view.now, { queueProposals: ctx.options['queue-proposals'] });
    if (actions.length) ctx.log.info('tick.planned', { chainTime: view.now, actions: actions.map(describeKeeperAction) });
    for (const action of actions) {
      if (ctx.signal.aborted) return;
      await sendKeeperAction(ctx, action);
    }
  },
});
