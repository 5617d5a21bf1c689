// The reference collaborators together, each a process on a fresh chain: the service agent and
// the faulty demo service deliver orders, the keeper releases them once the review window is over,
// the rating agent certifies both services, then revokes the faulty one after its wrong result.
import type { Address } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devAccounts } from '../../lib/devAccounts';
import { certificatesAbi, marketplaceAbi } from '../../lib/generated/abis';
import { ORDER_STATES } from '../../lib/market';
import { jobByKey } from '../service/jobs';
import type { AgentProcess } from './agentProcess';
import { placeOrder, startOrgAgent, stopAgent, startTestOrganization, waitFor, type TestOrganization } from './organization';
import { writeDocument } from '../../lib/contentFiles';

const SERVICE = 17;
const FAULTY = 18;
const BUYER = 19;
const RATER = 16;
const KEEPER = 12;
const job = jobByKey('text-statistics')!;

describe('service, faulty service, keeper and rating agents together (integration)', () => {
  let org: TestOrganization;
  const agents: AgentProcess[] = [];

  beforeAll(async () => {
    org = await startTestOrganization();
  }, 180_000);

  afterAll(async () => {
    await Promise.all(agents.map(stopAgent));
    await org?.stop();
  }, 60_000);

  const market = () => ({ address: org.deployments.Marketplace, abi: marketplaceAbi }) as const;
  const stateOf = async (orderId: bigint) => ORDER_STATES[(await org.client.readContract({ ...market(), functionName: 'getOrder', args: [orderId] })).state];
  const validLevels = async (subject: Address) => {
    const certs = { address: org.deployments.Certificates, abi: certificatesAbi } as const;
    const ids = await org.client.readContract({ ...certs, functionName: 'certificatesOf', args: [subject] });
    const list = ids.length ? await org.client.readContract({ ...certs, functionName: 'getCertificates', args: [ids] }) : [];
    return { valid: list.filter((c) => c.valid).map((c) => c.level), revoked: list.filter((c) => c.revoked).length };
  };
  const statisticsServiceOf = async (seller: Address) =>
    waitFor(`${seller}'s text statistics service`, async () => {
      for (const id of await org.client.readContract({ ...market(), functionName: 'servicesOf', args: [seller] })) {
        if ((await org.client.readContract({ ...market(), functionName: 'getService', args: [id] })).title === job.title) return id;
      }
      return undefined;
    }, 60_000);
  /** Orders with a fresh request and waits for the delivery; returns the order id and how long delivery took. */
  const orderAndAwaitDelivery = async (serviceId: bigint, text: string) => {
    const stored = await writeDocument(org.contentDir, new TextEncoder().encode(text), 'text/plain');
    if (!stored.ok) throw new Error(stored.error);
    const started = Date.now();
    const orderId = await placeOrder(org, BUYER, serviceId, stored.uri);
    await waitFor(`delivery of order ${orderId}`, async () => (await stateOf(orderId)) === 'delivered', 60_000);
    return { orderId, ms: Date.now() - started };
  };
  const passReviewWindow = async (orderId: bigint) => {
    const order = await org.client.readContract({ ...market(), functionName: 'getOrder', args: [orderId] });
    await org.advanceTime(order.reviewWindow + 1);
  };

  it('delivers, settles, certifies, and revokes the faulty service after a wrong result', async () => {
    const common = ['--delivery-window', '600', '--jobs', job.key];
    agents.push(startOrgAgent('service', org, SERVICE, common));
    agents.push(startOrgAgent('faulty-service', org, FAULTY, common));
    agents.push(startOrgAgent('keeper', org, KEEPER));
    agents.push(startOrgAgent('rating', org, RATER, ['--sample-rate', '10000']));
    const honest = devAccounts[SERVICE]!.address;
    const faulty = devAccounts[FAULTY]!.address;
    const honestService = await statisticsServiceOf(honest);
    const faultyService = await statisticsServiceOf(faulty);

    // Order 1 (odd id: the faulty service answers it correctly) and order 2.
    const first = await orderAndAwaitDelivery(faultyService, 'The faulty service starts honest.');
    const second = await orderAndAwaitDelivery(honestService, 'Open source needs to come back.');
    expect(first.orderId % 2n).toBe(1n);
    await passReviewWindow(second.orderId);
    await waitFor('the keeper to release both orders', async () => (await stateOf(first.orderId)) === 'settled' && (await stateOf(second.orderId)) === 'settled');
    await waitFor('bronze certificates for both services', async () => (await validLevels(honest)).valid.includes(1) && (await validLevels(faulty)).valid.includes(1), 60_000);

    // Order 3 to the honest service, order 4 (even id) gets a wrong result from the faulty one.
    const third = await orderAndAwaitDelivery(honestService, 'Collaborators anyone may run.');
    const fourth = await orderAndAwaitDelivery(faultyService, 'Now it cheats.');
    expect(fourth.orderId % 2n).toBe(0n);
    await passReviewWindow(fourth.orderId);
    await waitFor('the keeper to release orders 3 and 4', async () => (await stateOf(third.orderId)) === 'settled' && (await stateOf(fourth.orderId)) === 'settled');
    await waitFor('the revocation of the faulty service', async () => {
      const levels = await validLevels(faulty);
      return levels.valid.length === 0 && levels.revoked > 0;
    }, 60_000);
    expect((await validLevels(honest)).valid).toEqual([1]);

    const delays = [first, second, third, fourth].map((o) => o.ms);
    console.log(`order → delivered (ms): ${delays.join(', ')}`);
    for (const agent of agents) expect(agent.stderr()).toBe('');
  }, 300_000);
});
