// The keeper agent as a process on a fresh chain: it releases a delivered order once its review
// window is over, refunds an undelivered one past its deadline, and credits the settled order's
// activity points; it touches nothing before its time.
import { keccak256, toBytes } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityCreditorAbi, marketplaceAbi } from '../../lib/generated/abis';
import { ORDER_STATES } from '../../lib/market';
import { joinAs, listService, placeOrder, startAgentProcess, startTestOrganization, waitFor, type AgentProcess, type TestOrganization } from './organization';

const SELLER = 10;
const BUYER = 11;
const KEEPER = 12;

describe('keeper agent (integration)', () => {
  let org: TestOrganization;
  let keeper: AgentProcess | null = null;

  beforeAll(async () => {
    org = await startTestOrganization();
  }, 180_000);

  afterAll(async () => {
    await keeper?.stop();
    await org?.stop();
  }, 60_000);

  const stateOf = async (orderId: bigint) => {
    const order = await org.client.readContract({ address: org.deployments.Marketplace, abi: marketplaceAbi, functionName: 'getOrder', args: [orderId] });
    return ORDER_STATES[order.state];
  };

  it('releases an order past its review window and refunds one past its delivery deadline', async () => {
    await joinAs(org, SELLER, 1, 'Test service');
    const serviceId = await listService(org, SELLER, 'Word count', 60);
    const delivered = await placeOrder(org, BUYER, serviceId, 'ipfs://request-1');
    const undelivered = await placeOrder(org, BUYER, serviceId, 'ipfs://request-2');
    const result = '{"words":2}';
    await org.confirm(
      await org.wallet(SELLER).writeContract({ address: org.deployments.Marketplace, abi: marketplaceAbi, functionName: 'deliver', args: [delivered, 'ipfs://result-1', keccak256(toBytes(result))] }),
    );

    keeper = startAgentProcess('keeper', org, KEEPER);
    await waitFor('the keeper to connect', async () => keeper!.logs.some((l) => l.event === 'agent.ready'), 60_000);
    // Nothing is due yet: the keeper waits.
    await new Promise((done) => setTimeout(done, 1_500));
    expect(await stateOf(delivered)).toBe('delivered');
    expect(await stateOf(undelivered)).toBe('ordered');

    const order = await org.client.readContract({ address: org.deployments.Marketplace, abi: marketplaceAbi, functionName: 'getOrder', args: [delivered] });
    await org.advanceTime(order.reviewWindow + 1);

    await waitFor('the release', async () => (await stateOf(delivered)) === 'settled');
    await waitFor('the refund', async () => (await stateOf(undelivered)) === 'refunded');
    await waitFor('the activity credit of the settled order', () =>
      org.client.readContract({ address: org.deployments.ActivityCreditor, abi: activityCreditorAbi, functionName: 'isOrderCredited', args: [delivered] }),
    );
    const mined = keeper.logs.filter((l) => l.event === 'tx.mined').map((l) => l.fields.label);
    expect(mined).toEqual(expect.arrayContaining([`release order ${delivered}`, `refund order ${undelivered}`]));
    expect(keeper.stderr()).toBe('');
  }, 120_000);
});
