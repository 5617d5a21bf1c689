// Serving one order: read the request, compute, store the result document, deliver its hash.
import { marketplaceAbi } from '../../lib/generated/abis';
import { DocumentRejectedError, type AgentContext } from '../runtime';
import type { Job } from './jobs';
import type { OpenOrder } from './openOrders';
import { expectedResult, type RenderedResult } from './resultDocument';

/** How the result is computed: the honest job, or (demo of fraud only) a wrong one for some orders. */
export type ResultPolicy = (job: Job, open: OpenOrder, request: Uint8Array | { unreadable: string }) => RenderedResult;

export const honestResult: ResultPolicy = (job, { order, requestURI }, request) => expectedResult(job, order.id, requestURI, request);

/** Reads the request document; a request that is missing or does not match its CID is "unreadable", not an outage. */
export async function readRequest(ctx: AgentContext, requestURI: string): Promise<Uint8Array | { unreadable: string }> {
  try {
    return (await ctx.content.getDocument(requestURI)).bytes;
  } catch (error) {
    if (error instanceof DocumentRejectedError) return { unreadable: error.message };
    throw error;
  }
}

/** Computes, stores and delivers `open`; returns the delivered result. */
export async function deliverOrder(ctx: AgentContext, job: Job, open: OpenOrder, policy: ResultPolicy): Promise<RenderedResult> {
  const { order, requestURI } = open;
  const request = await readRequest(ctx, requestURI);
  const result = policy(job, open, request);
  const resultURI = await ctx.content.putDocument(result.bytes, 'application/json');
  const { request: tx } = await ctx.publicClient.simulateContract({
    address: ctx.deployments.Marketplace,
    abi: marketplaceAbi,
    account: ctx.account,
    functionName: 'deliver',
    args: [order.id, resultURI, result.hash],
  });
  await ctx.confirm(await ctx.walletClient.writeContract(tx), `deliver #${order.id}`);
  ctx.log.info('order.delivered', { orderId: order.id, job: job.key, ok: result.document.ok, resultURI, resultHash: result.hash });
  return result;
}
