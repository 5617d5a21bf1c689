// The service agent as a process against a fresh local organization: it joins and lists, delivers
// correct results, survives SIGKILL mid-stream and an anvil restart without losing or repeating an
// order, and refuses a bad key, a wrong chain and a missing deployments file with exit code 2.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPublicClient, createTestClient, http } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devAccounts } from '../../lib/devAccounts';
import { collaboratorRegistryAbi, marketplaceAbi } from '../../lib/generated/abis';
import { orderFromRaw } from '../../lib/market';
import { stopProcess } from '../../scripts/lib/local';
import type { AgentPublicClient } from '../runtime';
import { factorizationJob } from '../service/jobs/factorization';
import { notarizationJob } from '../service/jobs/notarization';
import { OpenOrderWatch } from '../service/openOrders';
import { jsonSchemaJob } from '../service/jobs/jsonSchema';
import { textStatisticsJob } from '../service/jobs/textStatistics';
import type { Job } from '../service/jobs';
import { expectedResult } from '../service/resultDocument';
import { startAgentProcess, type AgentProcess } from './agentProcess';
import { testBuyer } from './buyer';
import { startLocalOrganization, type LocalOrganization } from './localOrganization';

const SELLER = devAccounts[1]!;
const BUYER = devAccounts[2]!;

let org: LocalOrganization;
let buyer: ReturnType<typeof testBuyer>;
const running: AgentProcess[] = [];

function startService(extra: string[] = []): AgentProcess {
  const agent = startAgentProcess('service/main.ts', [
    '--rpc', org.rpcUrl, '--deployments', org.deploymentsFile, '--content', org.content.url, '--poll', '200', ...extra,
  ], { OSO_AGENT_KEY: SELLER.privateKey });
  running.push(agent);
  return agent;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function waitUntil<T>(probe: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** Checks that `orderId` was delivered once, with the document the job computes from the request. */
async function expectCorrectDelivery(orderId: bigint, job: Job, requestURI: string, request: string): Promise<void> {
  const deliveries = (await buyer.deliveries()).filter((d) => d.orderId === orderId);
  expect(deliveries).toHaveLength(1);
  const expected = expectedResult(job, orderId, requestURI, new TextEncoder().encode(request));
  const fetched = await buyer.content.getDocument(deliveries[0]!.resultURI);
  expect(fetched.text).toBe(expected.text);
  const order = await buyer.client.readContract({ address: org.deployments.Marketplace, abi: marketplaceAbi, functionName: 'getOrder', args: [orderId] });
  expect(order.resultHash).toBe(expected.hash);
  expect(orderFromRaw(orderId, order).state).toBe('delivered');
}

beforeAll(async () => {
  org = await startLocalOrganization();
  buyer = testBuyer(org.rpcUrl, org.deployments, org.content.url, BUYER.privateKey);
}, 90_000);

afterAll(async () => {
  await Promise.all(running.map((agent) => stopProcess(agent.child, 'SIGKILL', 5_000)));
  await org?.stop();
}, 60_000);

describe('service agent', () => {
  it('joins, lists its services and delivers correct results; SIGTERM stops it with exit 0', async () => {
    const agent = startService();
    await agent.waitForLog((l) => l.event === 'agent.ready', 60_000);
    const services = await buyer.servicesOf(SELLER.address);
    expect([...services.keys()].sort()).toEqual(['JSON Schema validation', 'Prime factorization', 'SHA-256 notarization', 'Text statistics']);

    const cases: [Job, string, 'text/plain' | 'application/json'][] = [
      [textStatisticsJob, 'Open source needs to come back. Collaborators anyone may run!', 'text/plain'],
      [factorizationJob, '600851475143', 'text/plain'],
      [factorizationJob, 'not a number', 'text/plain'],
      [jsonSchemaJob, JSON.stringify({ schema: { type: 'object', required: ['name'] }, instance: { nom: 1 } }), 'application/json'],
    ];
    const latencies: number[] = [];
    for (const [job, request, type] of cases) {
      const placed = await buyer.order(services.get(job.title)!, request, type);
      const placedAt = Date.now();
      const delivered = await waitUntil(async () => (await buyer.deliveries()).find((d) => d.orderId === placed.orderId), 30_000, `delivery of #${placed.orderId}`);
      latencies.push(Date.now() - placedAt);
      expect(delivered.blockNumber).toBeGreaterThan(placed.blockNumber);
      await expectCorrectDelivery(placed.orderId, job, placed.requestURI, request);
    }
    console.log(`order mined → delivery seen: ${latencies.join(', ')} ms (median ${median(latencies)} ms, poll 200 ms)`);

    // The content store goes away: the agent backs off and delivers once it is back.
    const request = 'Ordered while the content store is down.';
    const requestURI = await buyer.content.putDocument(request, 'text/plain');
    const restartContent = await org.stopContent();
    const placed = await buyer.orderStored(services.get(textStatisticsJob.title)!, requestURI);
    await agent.waitForLog((l) => l.event === 'content.unreachable', 30_000);
    await restartContent();
    await waitUntil(async () => (await buyer.deliveries()).find((d) => d.orderId === placed.orderId), 30_000, 'delivery after the store came back');
    await expectCorrectDelivery(placed.orderId, textStatisticsJob, requestURI, request);

    agent.child.kill('SIGTERM');
    expect(await agent.exited()).toBe(0);
    expect(agent.lines.map((l) => l.event)).toContain('agent.stopped');
    expect(agent.lines.filter((l) => l.event === 'log.not-json')).toEqual([]);
  }, 120_000);

  it('neither loses nor repeats an order when killed mid-stream and restarted', async () => {
    const services = await buyer.servicesOf(SELLER.address);
    const placed: { orderId: bigint; requestURI: string; request: string }[] = [];
    for (let i = 0; i < 6; i++) {
      const request = `${1000 + i}`;
      placed.push({ ...(await buyer.order(services.get(factorizationJob.title)!, request)), request });
    }
    const first = startService();
    await first.waitForLog((l) => l.event === 'order.delivered', 60_000);
    first.child.kill('SIGKILL');
    await first.exited();

    const market = { address: org.deployments.Marketplace, abi: marketplaceAbi } as const;
    const states = await buyer.client.readContract({ ...market, functionName: 'getOrders', args: [placed.map((p) => p.orderId)] });
    const pendingAtKill = states.filter((raw, i) => orderFromRaw(placed[i]!.orderId, raw).state === 'ordered').length;
    expect(pendingAtKill).toBeGreaterThan(0);

    const second = startService();
    await waitUntil(async () => {
      const delivered = new Set((await buyer.deliveries()).map((d) => d.orderId));
      return placed.every((p) => delivered.has(p.orderId)) ? true : undefined;
    }, 60_000, 'all six deliveries');
    await new Promise((done) => setTimeout(done, 1_000)); // a few more ticks: nothing may be delivered twice
    const deliveries = await buyer.deliveries();
    for (const p of placed) {
      expect(deliveries.filter((d) => d.orderId === p.orderId)).toHaveLength(1);
      await expectCorrectDelivery(p.orderId, factorizationJob, p.requestURI, p.request);
    }
    expect(second.lines.some((l) => l.event === 'registry.joined' || l.event === 'service.listed')).toBe(false);
    console.log(`killed with ${pendingAtKill} of 6 orders pending; all delivered exactly once after the restart`);

    // The RPC goes away (anvil restarts from its state): the agent backs off, then serves again.
    await org.restartAnvil(1_500);
    await second.waitForLog((l) => l.event === 'rpc.unreachable', 30_000);
    const later = await buyer.order(services.get(textStatisticsJob.title)!, 'After the restart.');
    await waitUntil(async () => (await buyer.deliveries()).find((d) => d.orderId === later.orderId), 60_000, 'delivery after the anvil restart');
    await expectCorrectDelivery(later.orderId, textStatisticsJob, later.requestURI, 'After the restart.');
    second.child.kill('SIGTERM');
    expect(await second.exited()).toBe(0);
  }, 180_000);

  it('finds orders placed after the chain was rewound to an earlier block', async () => {
    const testClient = createTestClient({ mode: 'anvil', transport: http(org.rpcUrl) });
    const client = createPublicClient({ transport: http(org.rpcUrl), pollingInterval: 100 }) as AgentPublicClient;
    const watch = new OpenOrderWatch(client, org.deployments.Marketplace, SELLER.address, BigInt(org.deployments.deployBlock));
    const serviceId = (await buyer.servicesOf(SELLER.address)).get(notarizationJob.title)!;
    const before = new Set((await watch.open()).map((o) => o.order.id));
    const snapshot = await testClient.snapshot();
    const lost = await buyer.order(serviceId, 'an order the rewind will erase');
    expect((await watch.open()).map((o) => o.order.id)).toContain(lost.orderId);
    await testClient.revert({ id: snapshot });
    const kept = await buyer.order(serviceId, 'an order in the same block height, after the rewind');
    expect(kept.blockNumber).toBe(lost.blockNumber);
    const open = (await watch.open()).filter((o) => !before.has(o.order.id));
    expect(open.map((o) => [o.order.id, o.requestURI])).toEqual([[kept.orderId, kept.requestURI]]);
  }, 60_000);

  it('the faulty demo service answers even order ids wrongly and says so in its profile', async () => {
    const faultySeller = devAccounts[3]!;
    const faulty = startAgentProcess('faulty-service/main.ts', ['--rpc', org.rpcUrl, '--deployments', org.deploymentsFile, '--content', org.content.url, '--poll', '200', '--jobs', 'prime-factorization'], { OSO_AGENT_KEY: faultySeller.privateKey });
    running.push(faulty);
    await faulty.waitForLog((l) => l.event === 'agent.ready', 60_000);
    const record = await buyer.client.readContract({ address: org.deployments.CollaboratorRegistry, abi: collaboratorRegistryAbi, functionName: 'get', args: [faultySeller.address] });
    expect(record.name).toBe('Demo: faulty service');
    expect((await buyer.content.getDocument(record.profileURI)).text).toMatch(/\*\*Demo: faulty service\.\*\*/);
    const serviceId = (await buyer.servicesOf(faultySeller.address)).get(factorizationJob.title)!;
    for (const request of ['84', '85']) {
      const placed = await buyer.order(serviceId, request);
      const delivered = await waitUntil(async () => (await buyer.deliveries()).find((d) => d.orderId === placed.orderId), 30_000, `delivery of #${placed.orderId}`);
      const honest = expectedResult(factorizationJob, placed.orderId, placed.requestURI, new TextEncoder().encode(request));
      expect(delivered.resultHash === honest.hash).toBe(placed.orderId % 2n === 1n);
    }
    faulty.child.kill('SIGTERM');
    expect(await faulty.exited()).toBe(0);
  }, 90_000);

  it('exits 2 with a one-line error for a bad key, a wrong chain and a missing deployments file', async () => {
    const wrongChain = join(org.dir, 'wrong-chain.json');
    writeFileSync(wrongChain, JSON.stringify({ ...org.deployments, chainId: 5 }));
    const common = ['--rpc', org.rpcUrl, '--content', org.content.url];
    const runs = [
      startAgentProcess('service/main.ts', [...common, '--deployments', org.deploymentsFile, '--key', '0x1234']),
      startAgentProcess('service/main.ts', [...common, '--deployments', wrongChain, '--key', SELLER.privateKey]),
      startAgentProcess('service/main.ts', [...common, '--deployments', join(org.dir, 'missing.json'), '--key', SELLER.privateKey]),
    ];
    running.push(...runs);
    const codes = await Promise.all(runs.map((run) => run.exited()));
    expect(codes).toEqual([2, 2, 2]);
    const errors = runs.map((run) => run.stderr());
    errors.forEach((text) => expect(text.trim().split('\n')).toHaveLength(1));
    expect(errors[0]).toMatch(/^service: Malformed private key/);
    expect(errors[1]).toMatch(/^service: Wrong chain: .* is for chain 5, but .* is chain 31337\./);
    expect(errors[2]).toMatch(/^service: No deployments file at .*missing\.json/);
  }, 60_000);
});
