// One rating agent's work: audit the sampled deliveries that finished since the last tick, then
// apply the rules (./rules.ts) to every audited service collaborator and issue, renew or revoke
// certificates, each decision with its evidence document in the content store.
import type { Address } from 'viem';
import { certificatesAbi, collaboratorRegistryAbi } from '../../lib/generated/abis';
import { isUnreachable, shortMessage, type AgentContext } from '../runtime';
import { auditDelivery, auditsFromEvidence, ServiceJobs, type SubjectAudit } from './audit';
import { OwnCertificates } from './certificates';
import { evidenceDocument, parseEvidence, revocationReason } from './evidence';
import { KIND_BIT } from '../../lib/collaborators';
import { decideCertification, isMatch, type OrderAudit, type RatingDecision, type RatingRules } from './rules';
import { SampledDeliveries } from './watch';

/** Certificates.KIND_SERVICE: only active service collaborators can be certified. */
const KIND_SERVICE = 1;

export class RatingAgent {
  private readonly deliveries: SampledDeliveries;
  private readonly certificates: OwnCertificates;
  private readonly jobs = new ServiceJobs();
  /** Audits by order id: a pure function of chain data and the content store, so safe to keep. */
  private readonly audits = new Map<bigint, SubjectAudit>();

  constructor(
    private readonly ctx: AgentContext,
    private readonly rules: RatingRules,
  ) {
    const from = BigInt(ctx.deployments.deployBlock);
    this.deliveries = new SampledDeliveries(ctx.publicClient, ctx.deployments.Marketplace, from, rules.sampleRateBps);
    this.certificates = new OwnCertificates(ctx.publicClient, ctx.deployments.Certificates, ctx.account.address, from);
  }

  /** After a restart: take back the audits recorded in this agent's own evidence documents. */
  async recallEvidence(): Promise<void> {
    const uris = new Set([...(await this.certificates.read()).map((c) => c.evidenceURI), ...(await this.certificates.revocationEvidence(BigInt(this.ctx.deployments.deployBlock)))]);
    let recalled = 0;
    for (const uri of uris) {
      const doc = await this.ctx.content.getDocument(uri).then((d) => parseEvidence(d.text)).catch((error: unknown) => {
        if (isUnreachable(error)) throw error;
        return null;
      });
      if (!doc || doc.issuer.toLowerCase() !== this.ctx.account.address.toLowerCase()) continue;
      for (const entry of auditsFromEvidence(doc)) {
        if (!this.audits.has(entry.audit.orderId)) recalled++;
        this.audits.set(entry.audit.orderId, entry);
      }
    }
    this.ctx.log.info('evidence.recalled', { documents: uris.size, audits: recalled });
  }

  async tick(): Promise<void> {
    await this.auditFinishedDeliveries();
    if (this.ctx.signal.aborted) return;
    const now = Number((await this.ctx.publicClient.getBlock()).timestamp);
    const certificates = await this.certificates.read();
    const bySubject = new Map<string, { seller: Address; audits: OrderAudit[] }>();
    for (const { seller, audit } of this.audits.values()) {
      const key = seller.toLowerCase();
      const entry = bySubject.get(key) ?? { seller, audits: [] };
      entry.audits.push(audit);
      bySubject.set(key, entry);
    }
    for (const [key, { seller, audits }] of bySubject) {
      if (this.ctx.signal.aborted) return;
      const own = certificates.filter((c) => c.subject.toLowerCase() === key);
      const decision = decideCertification(audits, own, now, this.rules);
      if (decision.kind !== 'none') await this.apply(seller, decision, audits, now);
    }
  }

  private async auditFinishedDeliveries(): Promise<void> {
    const me = this.ctx.account.address.toLowerCase();
    for (const order of await this.deliveries.finished()) {
      // Certificates.issue refuses self-certification: a rater's own sales are not its to audit.
      if (this.audits.has(order.id) || order.seller.toLowerCase() === me) continue;
      const job = await this.jobs.forService(this.ctx, order.serviceId);
      if (!job) continue;
      const audit = await auditDelivery(this.ctx, order, job);
      if (!audit) continue;
      this.audits.set(order.id, { seller: order.seller, audit });
      const match = isMatch(audit);
      this.ctx.log[match ? 'info' : 'warn']('audit.done', { orderId: order.id, seller: order.seller, job: job.key, match, expectedHash: audit.expectedHash, deliveredHash: audit.deliveredHash });
    }
  }

  private async apply(subject: Address, decision: Exclude<RatingDecision, { kind: 'none' }>, audits: OrderAudit[], now: number): Promise<void> {
    const { ctx } = this;
    if (decision.kind === 'issue' && !(await this.canCertify(subject))) return;
    const evidence = evidenceDocument(ctx.account.address, subject, decision, audits, this.rules, now);
    const evidenceURI = await ctx.content.putDocument(`${JSON.stringify(evidence, null, 2)}\n`, 'application/json');
    const certificates = { address: ctx.deployments.Certificates, abi: certificatesAbi, account: ctx.account } as const;
    try {
      if (decision.kind === 'issue') {
        const { request } = await ctx.publicClient.simulateContract({ ...certificates, functionName: 'issue', args: [subject, decision.level, BigInt(decision.expiresAt), evidenceURI] });
        await ctx.confirm(await ctx.walletClient.writeContract(request), `issue level ${decision.level} to ${subject}`);
        ctx.log.info('certificate.issued', { subject, level: decision.level, why: decision.why, expiresAt: decision.expiresAt, evidenceURI, verifiedOrders: audits.length });
        return;
      }
      const reason = revocationReason(decision.mismatches, evidenceURI);
      for (const id of decision.certificateIds) {
        const { request } = await ctx.publicClient.simulateContract({ ...certificates, functionName: 'revoke', args: [id, reason] });
        await ctx.confirm(await ctx.walletClient.writeContract(request), `revoke certificate ${id}`);
        ctx.log.warn('certificate.revoked', { subject, id, mismatches: decision.mismatches, evidenceURI });
      }
    } catch (error) {
      if (isUnreachable(error)) throw error;
      // Revoked by governance in the meantime, suspended issuer, …: the next tick decides again.
      ctx.log.warn('decision.failed', { subject, decision: decision.kind, error: shortMessage(error) });
    }
  }

  /** Whether Certificates.issue would accept: this agent a rating collaborator in good standing, the subject an active service. */
  private async canCertify(subject: Address): Promise<boolean> {
    const registry = { address: this.ctx.deployments.CollaboratorRegistry, abi: collaboratorRegistryAbi } as const;
    const [subjectOk, rater, standing] = await Promise.all([
      this.ctx.publicClient.readContract({ ...registry, functionName: 'hasKinds', args: [subject, KIND_SERVICE] }),
      this.ctx.publicClient.readContract({ ...registry, functionName: 'hasKinds', args: [this.ctx.account.address, KIND_BIT.rating] }),
      this.ctx.publicClient.readContract({ ...registry, functionName: 'isInGoodStanding', args: [this.ctx.account.address] }),
    ]);
    if (!subjectOk) this.ctx.log.debug('certificate.not-eligible', { subject, reason: 'not an active service collaborator' });
    if (!rater || !standing) this.ctx.log.warn('certificate.cannot-issue', { reason: 'this agent is not a rating collaborator in good standing' });
    return subjectOk && rater && standing;
  }
}
