// First customers of the reference collaborator programs on a fresh local chain, sent once the
// agents are running (no chain time travel: the organization is live by then). Dev accounts 18 and
// 19 order from the reference service agent and from the demo faulty service; the agents deliver
// within seconds; the buyers accept (and rate) most deliveries, leave one awaiting review and
// dispute one wrong result. The rating agent then audits the settled orders — it certifies the
// honest service and revokes the faulty one's certificate when it finds a wrong result — and the
// keeper credits the activity. What happens after the orders is the agents' work, not this seed's.
import { createPublicClient, createWalletClient, type Address, type Hash, type PublicClient } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import type { Deployments } from '../../lib/chain';
import { writeDocument } from '../../lib/contentFiles';
import { agentAccounts, devAccounts } from '../../lib/devAccounts';
import { certificatesAbi, disputeCourtAbi, marketplaceAbi, reputationAbi } from '../../lib/generated/abis';
import { localSeedChain } from './seed';

const OrderState = { Ordered: 1, Delivered: 2 } as const;

/** What a buyer does with a delivery. */
type Then = 'accept' | 'accept-and-rate' | 'review-later' | 'dispute';

interface DemoOrder {
  buyer: 18 | 19;
  seller: Address;
  service: string;
  request: string;
  then: Then;
  /** For the faulty service: whether this delivery must be its correct (odd id) or wrong (even id) kind. */
  faulty?: 'correct' | 'wrong';
  /** Wait (up to the timeout) until the rating agent has certified the seller before going on. */
  awaitCertificate?: boolean;
}

const SERVICE = agentAccounts.service.address;
const FAULTY = agentAccounts.faulty.address;

/** In order. The faulty service answers wrongly for even order ids: the seed steers which of its
 * deliveries are wrong (placing a notarization order first when the next id has the wrong
 * parity), so the story is always the same — certified after a correct delivery, caught on a
 * wrong one, disputed on another. */
const DEMO_ORDERS: readonly DemoOrder[] = [
  { buyer: 18, seller: SERVICE, service: 'Text statistics', request: 'Open source needs to come back. Collaborators anyone may run do the work of the organization.', then: 'accept-and-rate' },
  { buyer: 19, seller: FAULTY, service: 'Text statistics', request: 'The governance is open source, and so are the collaborators.', then: 'accept', faulty: 'correct', awaitCertificate: true },
  { buyer: 19, seller: SERVICE, service: 'SHA-256 notarization', request: 'Minutes of the council, first session: the monarch handed power to the council.', then: 'accept' },
  { buyer: 18, seller: FAULTY, service: 'Prime factorization', request: '360', then: 'accept', faulty: 'wrong' },
  { buyer: 19, seller: FAULTY, service: 'Prime factorization', request: '97', then: 'dispute', faulty: 'wrong' },
  { buyer: 18, seller: SERVICE, service: 'Prime factorization', request: '600851475143', then: 'review-later' },
];

/** Placed before a faulty order whose id would have the wrong parity. */
const FILLER: DemoOrder = { buyer: 19, seller: SERVICE, service: 'SHA-256 notarization', request: 'Receipt: the organization paid its collaborators.', then: 'accept' };

export interface TrafficOptions {
  /** How long to wait for the agents' services and each delivery. */
  timeoutMs?: number;
  log?: (line: string) => void;
  /** Stops waiting early (the organization is shutting down). */
  signal?: AbortSignal;
}

export async function seedAgentTraffic(rpcUrl: string, deployments: Deployments, contentDir: string, options: TrafficOptions = {}): Promise<void> {
  const log = options.log ?? (() => {});
  const timeoutMs = options.timeoutMs ?? 120_000;
  const { chain, transport } = localSeedChain(rpcUrl, deployments.chainId);
  const client: PublicClient = createPublicClient({ chain, transport, pollingInterval: 250 });
  const market = { address: deployments.Marketplace, abi: marketplaceAbi } as const;
  const wallet = (index: number) => createWalletClient({ chain, transport, account: privateKeyToAccount(devAccounts[index]!.privateKey) });
  const confirm = async (hash: Hash, what: string) => {
    const receipt = await client.waitForTransactionReceipt({ hash });
    if (receipt.status !== 'success') throw new Error(`${what}: transaction reverted`);
  };
  const document = async (text: string) => {
    const stored = await writeDocument(contentDir, new TextEncoder().encode(text), 'text/plain');
    if (!stored.ok) throw new Error(stored.error);
    return stored.uri;
  };
  const waitFor = async <T>(what: string, probe: () => Promise<T | null>): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (options.signal?.aborted) throw new Error(`stopped while waiting for ${what}`);
      const found = await probe();
      if (found !== null) return found;
      if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${timeoutMs / 1000} s`);
      await new Promise((done) => setTimeout(done, 500));
    }
  };
  const serviceId = async (seller: Address, title: string): Promise<bigint | null> => {
    const ids = await client.readContract({ ...market, functionName: 'servicesOf', args: [seller] });
    const services = await Promise.all(ids.map((id) => client.readContract({ ...market, functionName: 'getService', args: [id] })));
    return services.find((s) => s.title === title && s.active)?.id ?? null;
  };

  // Only once per chain: the buyers have never ordered from the agents before.
  for (const seller of [SERVICE, FAULTY]) {
    const logs = await client.getContractEvents({ ...market, eventName: 'OrderPlaced', args: { seller }, fromBlock: BigInt(deployments.deployBlock) });
    if (logs.length > 0) return;
  }

  const place = async (demo: DemoOrder): Promise<bigint> => {
    const id = await waitFor(`the "${demo.service}" service of ${demo.seller}`, () => serviceId(demo.seller, demo.service));
    const service = await client.readContract({ ...market, functionName: 'getService', args: [id] });
    const buyer = wallet(demo.buyer);
    const { request, result: orderId } = await client.simulateContract({
      ...market,
      account: buyer.account,
      functionName: 'order',
      args: [id, await document(demo.request)],
      value: service.price,
    });
    await confirm(await buyer.writeContract(request), 'ordering');
    const seller = demo.seller === FAULTY ? 'the faulty demo service' : 'the service agent';
    log(`  ordered   #${orderId} "${demo.service}" from ${seller} (account ${demo.buyer})`);
    await waitFor(`delivery of order #${orderId}`, async () => {
      const o = await client.readContract({ ...market, functionName: 'getOrder', args: [orderId] });
      return o.state === OrderState.Ordered ? null : o;
    });
    return orderId;
  };

  const settle = async (demo: DemoOrder, orderId: bigint) => {
    const buyer = wallet(demo.buyer);
    await confirm(await buyer.writeContract({ ...market, functionName: 'accept', args: [orderId] }), 'accepting');
    if (demo.then === 'accept-and-rate') {
      const review = await document('Fast and exact: the statistics match what I counted.');
      await confirm(
        await buyer.writeContract({ address: deployments.Reputation, abi: reputationAbi, functionName: 'rate', args: [orderId, 5, review] }),
        'rating',
      );
    }
    log(`  settled   #${orderId}${demo.then === 'accept-and-rate' ? ' and rated it 5 stars' : ''}`);
  };
  const certified = async (subject: Address): Promise<true | null> => {
    const logs = await client.getContractEvents({
      address: deployments.Certificates,
      abi: certificatesAbi,
      eventName: 'Issued',
      args: { subject },
      fromBlock: BigInt(deployments.deployBlock),
    });
    return logs.length > 0 ? true : null;
  };

  for (const demo of DEMO_ORDERS) {
    if (demo.faulty) {
      const next = (await client.readContract({ ...market, functionName: 'orderCount' })) + 1n;
      const wrong = next % 2n === 0n;
      if (wrong !== (demo.faulty === 'wrong')) await settle(FILLER, await place(FILLER));
    }
    const buyer = wallet(demo.buyer);
    const orderId = await place(demo);
    if (demo.then === 'review-later') {
      log(`  delivered #${orderId}, left for the buyer to review`);
    } else if (demo.then === 'dispute') {
      const cost = await client.readContract({ address: deployments.DisputeCourt, abi: disputeCourtAbi, functionName: 'arbitrationCost', args: ['0x'] });
      const reason = await document('97 is prime, but the delivered factorization says otherwise. The result does not match a re-execution of the job.');
      await confirm(await buyer.writeContract({ ...market, functionName: 'dispute', args: [orderId, reason], value: cost }), 'disputing');
      log(`  disputed  #${orderId}: the result does not match a re-execution`);
    } else {
      await settle(demo, orderId);
    }
    if (demo.awaitCertificate) {
      try {
        await waitFor(`the rating agent's certificate for ${demo.seller}`, () => certified(demo.seller));
        log(`  certified ${demo.seller === FAULTY ? 'the faulty demo service' : 'the service agent'} (by the rating agent)`);
      } catch (error) {
        log(`  note      ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}
