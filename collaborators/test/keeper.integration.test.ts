// The keeper agent as a process on a fresh chain: it releases a delivered order once its review
// window is over, refunds an undelivered one past its deadline, and credits the settled order's
// activity points; it walks a dispute through its periods to the ruling; it queues and executes a
// council proposal. It touches nothing before its time.
import { encodeFunctionData, keccak256, stringToHex, toBytes, type Hex } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityCreditorAbi, collaboratorRegistryAbi, constitutionAbi, councilGovernorAbi, disputeCourtAbi, marketplaceAbi } from '../../lib/generated/abis';
import { KIND_BIT } from '../../lib/collaborators';
import { periodFromIndex } from '../../lib/court';
import { devAccounts } from '../../lib/devAccounts';
import { REFERENCE_PROGRAMS } from '../reference';
import { buildSourceManifest } from '../runtime';
import { LOCAL_COUNCIL } from '../../scripts/lib/governance';
import { ORDER_STATES } from '../../lib/market';
import type { AgentProcess } from './agentProcess';
import { joinAs, listService, placeOrder, startOrgAgent, stopAgent, startTestOrganization, waitFor, type TestOrganization } from './organization';

const SELLER = 10;
const BUYER = 11;
const KEEPER = 12;
const JURORS = [7, 8, 9];
const PROPOSAL_STATES = ['Pending', 'Active', 'Canceled', 'Defeated', 'Succeeded', 'Queued', 'Expired', 'Executed'] as const;

describe('keeper agent (integration)', () => {
  let org: TestOrganization;
  let keeper: AgentProcess | null = null;

  beforeAll(async () => {
    // The council governs from the start (the local default founds a monarchy that hands over later).
    org = await startTestOrganization({ REGIME: 'council' });
    keeper = startOrgAgent('keeper', org, KEEPER, ['--queue-proposals']);
    await waitFor('the keeper to connect', async () => keeper!.lines.some((l) => l.event === 'agent.ready'), 60_000);
  }, 240_000);

  afterAll(async () => {
    if (keeper) await stopAgent(keeper);
    await org?.stop();
  }, 60_000);

  const stateOf = async (orderId: bigint) => {
    const order = await org.client.readContract({ address: org.deployments.Marketplace, abi: marketplaceAbi, functionName: 'getOrder', args: [orderId] });
    return ORDER_STATES[order.state];
  };

  it('joins the registry as an agent collaborator naming its reference source', async () => {
    const record = await org.client.readContract({
      address: org.deployments.CollaboratorRegistry,
      abi: collaboratorRegistryAbi,
      functionName: 'get',
      args: [devAccounts[KEEPER]!.address],
    });
    expect(record.kinds & KIND_BIT.agent).toBe(KIND_BIT.agent);
    const { manifestName, folders } = REFERENCE_PROGRAMS.keeper;
    expect(record.sourceHash).toBe(buildSourceManifest(manifestName, folders).sourceHash);
  });

  it('releases an order past its review window and refunds one past its delivery deadline', async () => {
    await joinAs(org, SELLER, 1, 'Test service');
    const serviceId = await listService(org, SELLER, 'Word count', 60);
    const delivered = await placeOrder(org, BUYER, serviceId, 'ipfs://request-1');
    const undelivered = await placeOrder(org, BUYER, serviceId, 'ipfs://request-2');
    const result = '{"words":2}';
    await org.confirm(
      await org.wallet(SELLER).writeContract({ address: org.deployments.Marketplace, abi: marketplaceAbi, functionName: 'deliver', args: [delivered, 'ipfs://result-1', keccak256(toBytes(result))] }),
    );

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
    const mined = keeper!.lines.filter((l) => l.event === 'tx.mined').map((l) => l.fields.label);
    expect(mined).toEqual(expect.arrayContaining([`release order ${delivered}`, `refund order ${undelivered}`]));
  }, 120_000);

  it('restarted, picks up from chain state alone: settles what fell due while it was down, credits nothing twice', async () => {
    await stopAgent(keeper!);
    const serviceId = await listService(org, SELLER, 'Statistics', 60);
    const late = await placeOrder(org, BUYER, serviceId, 'ipfs://request-late');
    await org.advanceTime(61);
    keeper = startOrgAgent('keeper', org, KEEPER, ['--queue-proposals']);
    await waitFor('the refund by the restarted keeper', async () => (await stateOf(late)) === 'refunded');
    await new Promise((done) => setTimeout(done, 1_000));
    expect(keeper.lines.filter((l) => l.event === 'action.skipped' || l.event === 'action.failed')).toEqual([]);
    const labels = keeper.lines.filter((l) => l.event === 'tx.mined').map((l) => String(l.fields.label));
    expect(labels).toEqual([`refund order ${late}`]);
  }, 120_000);

  it('advances a dispute through its periods to the ruling, period by period as each one ends', async () => {
    const court = { address: org.deployments.DisputeCourt, abi: disputeCourtAbi } as const;
    const market = { address: org.deployments.Marketplace, abi: marketplaceAbi } as const;
    const { minStake, evidenceDuration, commitDuration, revealDuration, appealDuration } = await org.client.readContract({ ...court, functionName: 'params' });
    for (const juror of JURORS) await org.confirm(await org.wallet(juror).writeContract({ ...court, functionName: 'stake', value: minStake }));
    const serviceId = await listService(org, SELLER, 'Proofreading', 60);
    const orderId = await placeOrder(org, BUYER, serviceId, 'ipfs://request-3');
    await org.confirm(await org.wallet(SELLER).writeContract({ ...market, functionName: 'deliver', args: [orderId, 'ipfs://result-3', keccak256(toBytes('late'))] }));
    const cost = await org.client.readContract({ ...court, functionName: 'arbitrationCost', args: ['0x'] });
    await org.confirm(await org.wallet(BUYER).writeContract({ ...market, functionName: 'dispute', args: [orderId, 'ipfs://reason'], value: cost }));
    const disputeId = (await org.client.readContract({ ...market, functionName: 'disputeOf', args: [orderId] })).disputeId;
    const periodOf = async () => periodFromIndex((await org.client.readContract({ ...court, functionName: 'getDispute', args: [BigInt(disputeId)] })).period);

    await new Promise((done) => setTimeout(done, 1_000));
    expect(await periodOf()).toBe('evidence');
    // Nobody commits or reveals: each period ends by time only.
    for (const [duration, next] of [[evidenceDuration, 'commit'], [commitDuration, 'reveal'], [revealDuration, 'appeal'], [appealDuration, 'executed']] as const) {
      await org.advanceTime(duration);
      await waitFor(`the keeper to advance the dispute to ${next}`, async () => (await periodOf()) === next);
    }
    expect(await stateOf(orderId)).toBe('ruled');
  }, 120_000);

  it('queues a succeeded council proposal and executes it once the timelock delay has passed', async () => {
    const governor = { address: org.deployments.CouncilGovernor, abi: councilGovernorAbi } as const;
    const market = { address: org.deployments.Marketplace, abi: marketplaceAbi } as const;
    const targets = [org.deployments.Marketplace];
    const values = [0n];
    const calldatas: Hex[] = [encodeFunctionData({ abi: marketplaceAbi, functionName: 'setFee', args: [123] })];
    const description = 'Set the protocol fee to 1.23% (keeper test)';
    const proposalId = await org.client.readContract({ ...governor, functionName: 'hashProposal', args: [targets, values, calldatas, keccak256(stringToHex(description))] });
    const stateOfProposal = async () => PROPOSAL_STATES[await org.client.readContract({ ...governor, functionName: 'state', args: [proposalId] })];

    await org.advanceTime(1);
    await org.confirm(await org.wallet(LOCAL_COUNCIL[0]).writeContract({ ...governor, functionName: 'propose', args: [targets, values, calldatas, description] }));
    await org.advanceTime(Number(await org.client.readContract({ ...governor, functionName: 'votingDelay' })) + 1);
    for (const member of LOCAL_COUNCIL) await org.confirm(await org.wallet(member).writeContract({ ...governor, functionName: 'castVote', args: [proposalId, 1] }));
    await org.advanceTime(Number(await org.client.readContract({ ...governor, functionName: 'votingPeriod' })) + 1);

    await waitFor('the keeper to queue the proposal', async () => (await stateOfProposal()) === 'Queued');
    await new Promise((done) => setTimeout(done, 1_000));
    expect(await stateOfProposal()).toBe('Queued');
    const delay = await org.client.readContract({ address: org.deployments.Constitution, abi: constitutionAbi, functionName: 'getMinDelay' });
    await org.advanceTime(Number(delay));
    await waitFor('the keeper to execute the proposal', async () => (await stateOfProposal()) === 'Executed');
    expect(await org.client.readContract({ ...market, functionName: 'feeBps' })).toBe(123);
    expect(keeper!.stderr()).toBe('');
  }, 120_000);
});
