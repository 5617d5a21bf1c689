// The rating agent as a process on a fresh chain: it certifies a service collaborator whose
// deliveries re-execute to the delivered hashes, revokes the certificate of one that delivered a
// wrong result (with the evidence document linked from the reason), renews a certificate close to
// its expiry, and after a restart it neither certifies twice nor forgets what it found.
import type { Address } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDocument } from '../../lib/contentFiles';
import { devAccounts } from '../../lib/devAccounts';
import { certificatesAbi, marketplaceAbi } from '../../lib/generated/abis';
import { parseEvidence } from '../rating/evidence';
import { DEFAULT_RULES } from '../rating/rules';
import { createContentClient } from '../runtime';
import { jobByTitle } from '../service/jobs';
import { expectedResult, renderResult } from '../service/resultDocument';
import type { AgentProcess } from './agentProcess';
import { joinAs, listService, placeOrder, startOrgAgent, stopAgent, startTestOrganization, waitFor, type TestOrganization } from './organization';

const HONEST = 13;
const FAULTY = 14;
const BUYER = 15;
const RATER = 16;
const job = jobByTitle('Text statistics')!;

describe('rating agent (integration)', () => {
  let org: TestOrganization;
  let rater: AgentProcess | null = null;
  const market = () => ({ address: org.deployments.Marketplace, abi: marketplaceAbi }) as const;
  const certs = () => ({ address: org.deployments.Certificates, abi: certificatesAbi }) as const;

  beforeAll(async () => {
    org = await startTestOrganization();
  }, 180_000);

  afterAll(async () => {
    if (rater) await stopAgent(rater);
    await org?.stop();
  }, 60_000);

  /** A settled order of `serviceId`: placed by the buyer, delivered (honestly or not) by `seller`, accepted. */
  async function settledOrder(serviceId: bigint, seller: number, text: string, honest: boolean): Promise<bigint> {
    const request = new TextEncoder().encode(text);
    const stored = await writeDocument(org.contentDir, request, 'text/plain');
    if (!stored.ok) throw new Error(stored.error);
    const orderId = await placeOrder(org, BUYER, serviceId, stored.uri);
    const rendered = honest ? expectedResult(job, orderId, stored.uri, request) : renderResult(job, orderId, stored.uri, job.runWrong(request));
    const result = await writeDocument(org.contentDir, rendered.bytes, 'application/json');
    if (!result.ok) throw new Error(result.error);
    await org.confirm(await org.wallet(seller).writeContract({ ...market(), functionName: 'deliver', args: [orderId, result.uri, rendered.hash] }));
    await org.confirm(await org.wallet(BUYER).writeContract({ ...market(), functionName: 'accept', args: [orderId] }));
    return orderId;
  }

  const certificatesOf = async (subject: Address) => {
    const ids = await org.client.readContract({ ...certs(), functionName: 'certificatesOf', args: [subject] });
    return ids.length ? org.client.readContract({ ...certs(), functionName: 'getCertificates', args: [ids] }) : [];
  };
  const issuedCount = async () => (await org.client.getContractEvents({ ...certs(), eventName: 'Issued', fromBlock: 0n })).length;

  it('certifies the honest service and revokes the faulty one on a wrong result', async () => {
    await joinAs(org, HONEST, 1, 'Honest statistics');
    await joinAs(org, FAULTY, 1, 'Faulty statistics (fraud-detection demo)');
    const honestService = await listService(org, HONEST, job.title);
    const faultyService = await listService(org, FAULTY, job.title);
    for (const text of ['One small text.', 'Open source needs to come back.', 'Collaborators anyone may run.']) {
      await settledOrder(honestService, HONEST, text, true);
    }
    await settledOrder(faultyService, FAULTY, 'The faulty service is honest at first.', true);

    rater = startOrgAgent('rating', org, RATER, ['--sample-rate', '10000']);
    const honest = devAccounts[HONEST]!.address;
    const faulty = devAccounts[FAULTY]!.address;
    const [silver] = await waitFor('the honest service certified silver (3 verified orders)', async () => {
      const list = (await certificatesOf(honest)).filter((c) => c.valid && c.level === 2);
      return list.length ? list : undefined;
    }, 90_000);
    expect(silver!.issuer).toBe(devAccounts[RATER]!.address);
    const [bronze] = await waitFor('the faulty service certified bronze (1 verified order)', async () => {
      const list = (await certificatesOf(faulty)).filter((c) => c.valid && c.level === 1);
      return list.length ? list : undefined;
    });

    const wrongOrder = await settledOrder(faultyService, FAULTY, 'Now it cheats on this one.', false);
    await waitFor('the revocation', async () => (await certificatesOf(faulty)).every((c) => c.revoked) || undefined);
    const revoked = await org.client.getContractEvents({ ...certs(), eventName: 'Revoked', args: { id: bronze!.id }, fromBlock: 0n, strict: true });
    expect(revoked).toHaveLength(1);
    const reason = revoked[0]!.args.reason;
    expect(reason).toContain(`order ${wrongOrder}`);
    const evidenceURI = /ipfs:\/\/[a-z2-7]+/.exec(reason)?.[0];
    expect(evidenceURI).toBeDefined();
    const evidence = parseEvidence((await createContentClient(org.contentUrl).getDocument(evidenceURI!)).text)!;
    expect(evidence.decision).toBe('revoke');
    const wrong = evidence.orders.find((o) => o.orderId === wrongOrder.toString())!;
    expect(wrong.match).toBe(false);
    expect(wrong.expectedHash).not.toBe(wrong.deliveredHash);
    // The honest service keeps its certificate.
    expect((await certificatesOf(honest)).filter((c) => c.valid)).toHaveLength(1);

    // The issue's evidence names the orders checked, expected equal to delivered.
    const issued = await org.client.getContractEvents({ ...certs(), eventName: 'Issued', args: { id: silver!.id }, fromBlock: 0n, strict: true });
    const issueEvidence = parseEvidence((await createContentClient(org.contentUrl).getDocument(issued[0]!.args.evidenceURI)).text)!;
    expect(issueEvidence.orders.map((o) => o.match)).toEqual([true, true, true]);

    // Close to its expiry, the honest service's certificate is renewed.
    await org.advanceTime(DEFAULT_RULES.validitySeconds - DEFAULT_RULES.renewBeforeSeconds + 60);
    const renewed = await waitFor('the renewal of the silver certificate', async () => {
      const list = (await certificatesOf(honest)).filter((c) => c.level === 2 && c.id !== silver!.id);
      return list.length ? list[0] : undefined;
    });
    expect(renewed.expiresAt).toBeGreaterThan(silver!.expiresAt);
    expect(rater.lines.some((l) => l.event === 'certificate.issued' && l.fields.why === 'renewal')).toBe(true);

    // Restarted, it recalls its evidence and decides nothing new.
    const before = await issuedCount();
    await stopAgent(rater);
    rater = startOrgAgent('rating', org, RATER, ['--sample-rate', '10000']);
    await waitFor('the restarted agent to finish a tick', async () => rater!.lines.some((l) => l.event === 'agent.ready') && rater!.lines.filter((l) => l.event === 'evidence.recalled').length > 0);
    await new Promise((done) => setTimeout(done, 2_000));
    expect(await issuedCount()).toBe(before);
    expect(rater.lines.filter((l) => l.event === 'certificate.issued' || l.event === 'certificate.revoked')).toEqual([]);
    expect(rater.stderr()).toBe('');
  }, 240_000);
});
