// Re-executing one delivery: fetch the request document, run the service's job (the service
// agent's own job functions) and compare the hash of the honest result document with the
// delivered resultHash. Services whose title names no known deterministic job are not audited.
import type { Address, Hex } from 'viem';
import { marketplaceAbi } from '../../lib/generated/abis';
import { DocumentRejectedError, shortMessage, type AgentContext } from '../runtime';
import { jobByTitle, type Job } from '../service/jobs';
import { expectedResult } from '../service/resultDocument';
import type { EvidenceDocument } from './evidence';
import type { OrderAudit } from './rules';
import type { DeliveredOrder } from './watch';

export interface SubjectAudit {
  seller: Address;
  audit: OrderAudit;
}

/** The job a service sells, from its title; null for services no reference job computes. */
export class ServiceJobs {
  private readonly byService = new Map<bigint, Job | null>();

  async forService(ctx: AgentContext, serviceId: bigint): Promise<Job | null> {
    if (!this.byService.has(serviceId)) {
      const service = await ctx.publicClient.readContract({ address: ctx.deployments.Marketplace, abi: marketplaceAbi, functionName: 'getService', args: [serviceId] });
      this.byService.set(serviceId, jobByTitle(service.title) ?? null);
    }
    return this.byService.get(serviceId) ?? null;
  }
}

/** Audits one finished delivery; null when its request document cannot be read (not counted either way). */
export async function auditDelivery(ctx: AgentContext, order: DeliveredOrder, job: Job): Promise<OrderAudit | null> {
  let request: Uint8Array;
  try {
    request = (await ctx.content.getDocument(order.requestURI)).bytes;
  } catch (error) {
    if (!(error instanceof DocumentRejectedError)) throw error; // unreachable store: retry the tick
    ctx.log.info('audit.skipped', { orderId: order.id, reason: shortMessage(error) });
    return null;
  }
  const expected = expectedResult(job, order.id, order.requestURI, request);
  return {
    orderId: order.id,
    serviceId: order.serviceId,
    job: job.key,
    requestURI: order.requestURI,
    resultURI: order.resultURI,
    expectedHash: expected.hash,
    deliveredHash: order.resultHash,
  };
}

/** The audits recorded in one of this agent's earlier evidence documents. */
export function auditsFromEvidence(doc: EvidenceDocument): SubjectAudit[] {
  return doc.orders.map((o) => ({
    seller: doc.subject,
    audit: {
      orderId: BigInt(o.orderId),
      serviceId: BigInt(o.serviceId),
      job: o.job,
      requestURI: o.requestURI,
      resultURI: o.resultURI,
      expectedHash: o.expectedHash as Hex,
      deliveredHash: o.deliveredHash as Hex,
    },
  }));
}
