// The keeper agent: acts on the organization's output so nothing waits on a human. Every tick it
// reads the chain, plans (./plan.ts) and sends: releases past the review window, refunds past the
// delivery deadline, dispute periods that are due, queued proposals to execute (succeeded ones to
// queue with --queue-proposals) and activity credits. Run: npm run agent:keeper -- --key 0x… [--rpc URL] (see --help).
import { runAgent } from '../runtime';
import { sendKeeperAction } from './act';
import { emptyCreditCache, readCreditable } from './credit';
import { describeKeeperAction, planKeeperActions } from './plan';
import { emptyKeeperCache, readKeeperView } from './read';

runAgent({
  name: 'keeper',
  summary:
    'The keeper agent: releases orders past their review window, refunds orders past their delivery deadline, advances dispute periods that are due, executes queued proposals of the governor in office once their delay has passed (and queues succeeded ones with --queue-proposals), and credits activity points (ActivityCreditor) for settled orders, ratings and coherent jury duty. Any account can run it (it needs gas only); its decisions follow from chain state alone, so restarting it is safe.',
  options: {
    'queue-proposals': { type: 'boolean', description: 'also queue succeeded proposals of the governor in office (by default only queued ones are executed)' },
  },
  setup: async () => ({ chain: emptyKeeperCache(), credits: emptyCreditCache() }),
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
