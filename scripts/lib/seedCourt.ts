// Court demo data on a fresh local chain, after seedMarketDemo: one dispute ruled by drawn jurors
// and one still open in its evidence period. Runs once: skipped when the court has any dispute.
//
// Accounts (lib/devAccounts.ts). The e2e specs share one chain with this seed: disputes.spec uses
// #10 (buyer), #11–#13 (jurors) and Atlas (#7, seller); me-court.spec uses #17; market specs use
// Northwind (#3) and Atlas (#7), whose XP must stay intact. So:
// - #14 joins as Quillfast Copywriting, a service collaborator used by nothing else: one order from
//   Relay Treasury Agent (#6) settled (unrated, so directory rating sorts are unchanged) for some XP,
//   then one disputed by Lumen Price Oracle (#5) and lost — dispute #1 (order #6).
// - Jurors are #15, #16 and #17. They stake 0.5, 0.3 and 0.2 ETH, are drawn (at random, weighted by
//   stake) for dispute #1, commit with salts generated here, reveal, and then UNSTAKE EVERYTHING,
//   keeping only their rewards to withdraw. After seeding no juror is staked (the court's draw weight
//   is 0): whoever stakes next — a person trying the app or an e2e spec — alone makes up the next
//   draw, so draws in tests stay predictable. The draw is redone from a chain snapshot until two or
//   three jurors sit. The juror with the most seats votes 1 (refund the buyer); of three jurors the
//   third votes 2, of two the one with fewer seats votes 2 (incoherent), so coherence, rewards and
//   penalties all show. The chain clock is moved through the evidence and appeal periods
//   (evm_increaseTime): it then runs days ahead of wall time.
// - Dispute #2 (order #7), open in its evidence period: Relay Treasury Agent (#6) disputed a
//   translation by Northwind Translation Co-op (#3); the buyer's reason and Northwind's reply are its
//   evidence. Created after the time travel, so its evidence period has a day to run.
import {
  createPublicClient,
  createTestClient,
  createWalletClient,
  keccak256,
  parseEther,
  toBytes,
  toHex,
  type Address,
  type Hash,
  type Hex,
  type PublicClient,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import type { Deployments } from '../../lib/chain';
import { writeDocument } from '../../lib/contentFiles';
import { devAccounts } from '../../lib/devAccounts';
import { collaboratorRegistryAbi, disputeCourtAbi, marketplaceAbi } from '../../lib/generated/abis';
import { demoProfile, localSeedChain } from './seed';

/** [dev account, stake in ETH] */
export const SEED_JURORS: readonly (readonly [number, string])[] = [
  [15, '0.5'],
  [16, '0.3'],
  [17, '0.2'],
];

/** The seller who loses dispute #1: a demo service collaborator of its own. */
const SELLER = { account: 14, slug: 'quillfast-copywriting', name: 'Quillfast Copywriting', bond: '0.02' } as const;
const SELLER_SERVICE = { title: 'Write a product description (up to 150 words)', price: '0.01', deliveryWindow: 86_400 } as const;
const SETTLED = { buyer: 6, request: 'Describe our oracle relay in 100 words.', result: 'Relay moves verified data on chain…' } as const;

/** Gas for `advance`: a first-round draw with three new jurors uses about half of it. */
const ADVANCE_GAS = 3_000_000n;

const SERVICE_KIND = 1;
/** Draws tried for dispute #1 before taking one where a single juror holds every seat. */
const MAX_DRAWS = 8;

const PERIOD = { Evidence: 0, Commit: 1, Reveal: 2, Appeal: 3, Executed: 4 } as const;

interface DemoDispute {
  buyer: number;
  seller: number;
  request: string;
  result: string;
  reason: string;
  reply: string;
}

const RULED: DemoDispute = {
  buyer: 5,
  seller: SELLER.account,
  request: 'A 120-word description of Lumen Price Oracle for our docs, in plain English.',
  result: 'Lumen is an oracle.',
  reason: 'Four words delivered for a 120-word description: the delivery does not meet the order.',
  reply: 'The order did not say the length was a minimum; a short text is clearer.',
};

const OPEN: DemoDispute = {
  buyer: 6,
  seller: 3,
  request: 'Translate into French: "Collaborators are programs or people that anyone may run."',
  result: '« Les collaborateurs sont des programmes. »',
  reason: 'Half the sentence is missing: "or people that anyone may run" was not translated.',
  reply: 'The request was ambiguous about the second clause; we offered to complete it at no cost.',
};

export async function seedCourtDemo(
  rpcUrl: string,
  deployments: Deployments,
  contentDir: string,
  log: (line: string) => void = () => {},
): Promise<void> {
  const { chain, transport } = localSeedChain(rpcUrl, deployments.chainId);
  const client: PublicClient = createPublicClient({ chain, transport, pollingInterval: 250 });
  const testClient = createTestClient({ chain, transport, mode: 'anvil' });
  const court = { address: deployments.DisputeCourt, abi: disputeCourtAbi } as const;
  const market = { address: deployments.Marketplace, abi: marketplaceAbi } as const;
  if ((await client.readContract({ ...court, functionName: 'disputeCount' })) > 0n) return;

  const account = (index: number) => {
    const dev = devAccounts[index];
    if (!dev) throw new Error(`lib/devAccounts.ts has no account ${index}`);
    return dev;
  };
  const wallet = (index: number) => createWalletClient({ chain, transport, account: privateKeyToAccount(account(index).privateKey) });
  const confirm = async (hash: Hash, what: string) => {
    const receipt = await client.waitForTransactionReceipt({ hash });
    if (receipt.status !== 'success') throw new Error(`${what}: transaction reverted`);
  };
  const document = async (text: string) => {
    const stored = await writeDocument(contentDir, new TextEncoder().encode(text), 'text/plain');
    if (!stored.ok) throw new Error(stored.error);
    return stored.uri;
  };
  const params = await client.readContract({ ...court, functionName: 'params' });
  const passTime = async (seconds: number) => {
    await testClient.increaseTime({ seconds: seconds + 1 });
    await testClient.mine({ blocks: 1 });
  };
  // The draw's gas depends on the including block's prevrandao, so an estimate can fall short: give room.
  const advance = async (disputeId: bigint, what: string) =>
    confirm(
      await wallet(0).writeContract({ ...court, functionName: 'advance', args: [disputeId], gas: ADVANCE_GAS }),
      `advancing dispute #${disputeId} (${what})`,
    );
  const period = async (disputeId: bigint) => (await client.readContract({ ...court, functionName: 'getDispute', args: [disputeId] })).period;

  /** The buyer orders the seller's first active service and the seller delivers; returns the order id. */
  const orderAndDeliver = async (buyer: number, sellerIndex: number, request: string, result: string): Promise<bigint> => {
    const serviceIds = await client.readContract({ ...market, functionName: 'servicesOf', args: [account(sellerIndex).address] });
    const services = await Promise.all(serviceIds.map((id) => client.readContract({ ...market, functionName: 'getService', args: [id] })));
    const service = services.find((s) => s.active);
    if (!service) throw new Error(`dev account ${sellerIndex} has no active service`);
    const orderId = (await client.readContract({ ...market, functionName: 'orderCount' })) + 1n;
    await confirm(
      await wallet(buyer).writeContract({ ...market, functionName: 'order', args: [service.id, await document(request)], value: service.price }),
      'ordering',
    );
    await confirm(
      await wallet(sellerIndex).writeContract({ ...market, functionName: 'deliver', args: [orderId, await document(result), keccak256(toBytes(result))] }),
      'delivering',
    );
    return orderId;
  };

  /** Order, delivery, dispute with the arbitration fee, and the seller's reply as evidence. */
  const openDispute = async (d: DemoDispute): Promise<{ orderId: bigint; disputeId: bigint }> => {
    const orderId = await orderAndDeliver(d.buyer, d.seller, d.request, d.result);
    const fee = await client.readContract({ ...court, functionName: 'arbitrationCost', args: ['0x'] });
    await confirm(
      await wallet(d.buyer).writeContract({ ...market, functionName: 'dispute', args: [orderId, await document(d.reason)], value: fee }),
      'disputing',
    );
    const disputeId = (await client.readContract({ ...market, functionName: 'disputeOf', args: [orderId] })).disputeId;
    await confirm(
      await wallet(d.seller).writeContract({ ...court, functionName: 'submitEvidence', args: [disputeId, await document(d.reply)] }),
      'submitting evidence',
    );
    return { orderId, disputeId };
  };

  // The seller: joins, lists its service, and settles one order (XP, which the lost dispute cuts).
  const registry = { address: deployments.CollaboratorRegistry, abi: collaboratorRegistryAbi } as const;
  const seller = account(SELLER.account).address;
  if ((await client.readContract({ ...registry, functionName: 'get', args: [seller] })).status === 0) {
    const { profileURI, sourceURI, sourceHash } = demoProfile(SELLER.slug);
    await confirm(
      await wallet(SELLER.account).writeContract({
        ...registry,
        functionName: 'join',
        args: [SERVICE_KIND, SELLER.name, profileURI, sourceURI, sourceHash],
        value: parseEther(SELLER.bond),
      }),
      `${SELLER.name} joining`,
    );
  }
  if ((await client.readContract({ ...market, functionName: 'servicesOf', args: [seller] })).length === 0) {
    await confirm(
      await wallet(SELLER.account).writeContract({
        ...market,
        functionName: 'listService',
        args: [SELLER_SERVICE.title, '', parseEther(SELLER_SERVICE.price), SELLER_SERVICE.deliveryWindow],
      }),
      'listing a service',
    );
  }
  const settled = await orderAndDeliver(SETTLED.buyer, SELLER.account, SETTLED.request, SETTLED.result);
  await confirm(await wallet(SETTLED.buyer).writeContract({ ...market, functionName: 'accept', args: [settled] }), 'accepting');
  log(`  joined    ${SELLER.name} (account ${SELLER.account}); order #${settled} settled`);

  // Jurors stake.
  for (const [index, eth] of SEED_JURORS) {
    const value = parseEther(eth) > params.minStake ? parseEther(eth) : params.minStake;
    await confirm(await wallet(index).writeContract({ ...court, functionName: 'stake', value }), `juror ${index} staking`);
  }
  log(`  staked    jurors ${SEED_JURORS.map(([i]) => `#${i}`).join(', ')}`);

  // The ruled dispute: evidence, draw, commit, reveal, appeal window, execution.
  const ruled = await openDispute(RULED);
  log(`  disputed  order #${ruled.orderId} (dispute #${ruled.disputeId})`);
  await passTime(params.evidenceDuration);
  // The draw is random (the block's prevrandao): draw again from a chain snapshot, a few blocks
  // later each time (the same block would draw the same seats), until at least two jurors sit, so
  // the demo shows a coherent and an incoherent juror.
  let round;
  for (let attempt = 1; ; attempt++) {
    const snapshot = await testClient.snapshot();
    if (attempt > 1) await testClient.mine({ blocks: attempt - 1 });
    await advance(ruled.disputeId, 'draw');
    round = await client.readContract({ ...court, functionName: 'getRound', args: [ruled.disputeId, 0n] });
    if (round.ballots.length >= 2 || attempt >= MAX_DRAWS) break;
    await testClient.revert({ id: snapshot });
  }
  const ballots = [...round.ballots].sort((a, b) => b.seats - a.seats);
  const votes = ballots.map((b, i) => ({
    juror: b.juror,
    seats: b.seats,
    choice: i === 0 || (ballots.length === 3 && i === 1) ? 1n : 2n,
    salt: toHex(crypto.getRandomValues(new Uint8Array(32))) as Hex,
  }));
  const jurorWallet = (address: Address) => {
    const index = devAccounts.findIndex((a) => a.address.toLowerCase() === address.toLowerCase());
    if (index < 0) throw new Error(`drawn juror ${address} is not a dev account`);
    return wallet(index);
  };
  for (const v of votes) {
    const commitment = await client.readContract({ ...court, functionName: 'hashVote', args: [v.choice, v.salt, v.juror, ruled.disputeId, 0n] });
    await confirm(await jurorWallet(v.juror).writeContract({ ...court, functionName: 'commit', args: [ruled.disputeId, commitment] }), 'committing');
  }
  await advance(ruled.disputeId, 'to reveal'); // early: every drawn juror committed
  for (const v of votes) {
    await confirm(await jurorWallet(v.juror).writeContract({ ...court, functionName: 'reveal', args: [ruled.disputeId, v.choice, v.salt] }), 'revealing');
  }
  await advance(ruled.disputeId, 'tally'); // early: every drawn juror revealed
  if ((await period(ruled.disputeId)) === PERIOD.Appeal) {
    await passTime(params.appealDuration);
    await advance(ruled.disputeId, 'execute');
  }
  if ((await period(ruled.disputeId)) !== PERIOD.Executed) throw new Error(`dispute #${ruled.disputeId} was not executed`);
  log(
    `  ruled     dispute #${ruled.disputeId}: ${votes.map((v) => `#${devAccounts.findIndex((a) => a.address === v.juror)} ×${v.seats} → ${v.choice}`).join(', ')}`,
  );

  // Jurors leave the draw (rewards stay withdrawable).
  for (const [index] of SEED_JURORS) {
    const { stake } = await client.readContract({ ...court, functionName: 'jurorOf', args: [account(index).address] });
    if (stake > 0n) await confirm(await wallet(index).writeContract({ ...court, functionName: 'unstake', args: [stake] }), `juror ${index} unstaking`);
  }
  log('  unstaked  the seed jurors (rewards left to withdraw)');

  // The open dispute, in its evidence period.
  const open = await openDispute(OPEN);
  log(`  disputed  order #${open.orderId} (dispute #${open.disputeId}, evidence period open)`);
}
