// Marketplace demo data on a fresh local chain: services from the demo service collaborators,
// settled and rated orders (so ratings, XP and levels show), one order still open, and a
// certificate from the demo rating collaborator. Runs once: skipped when services exist.
import { createPublicClient, createWalletClient, keccak256, parseEther, toBytes, type Hash, type PublicClient } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import type { Deployments } from '../../lib/chain';
import { writeDocument } from '../../lib/contentFiles';
import { devAccounts } from '../../lib/devAccounts';
import { certificatesAbi, marketplaceAbi, reputationAbi } from '../../lib/generated/abis';
import { localSeedChain } from './seed';

interface DemoService {
  seller: number;
  title: string;
  price: string;
  deliveryWindow: number;
}

const SERVICES: readonly DemoService[] = [
  { seller: 3, title: 'Translate a text from English to French', price: '0.01', deliveryWindow: 86_400 },
  { seller: 3, title: 'Proofread a document', price: '0.005', deliveryWindow: 2 * 86_400 },
  { seller: 7, title: 'Word and character statistics of a text', price: '0.002', deliveryWindow: 3_600 },
  // Long enough to stay open through the seeds' clock jumps (the keeper would refund it otherwise).
  { seller: 3, title: 'Translate a book chapter from English to French', price: '0.05', deliveryWindow: 30 * 86_400 },
];

/** [buyer, service index, request, result or null (left open), stars] */
const ORDERS: readonly [number, number, string, string | null, number][] = [
  [5, 0, 'Please translate: "Open source needs to come back."', 'Traduction : « L’open source doit revenir. »', 5],
  [6, 2, 'Count the words in: "the governance is open source"', '{"words":5,"characters":29}', 4],
  [5, 2, 'Count the words in: "collaborators anyone may run"', '{"words":4,"characters":29}', 5],
  [6, 3, 'Translate chapter 1 of "The Open Source Organization" into French, please.', null, 0],
];

export async function seedMarketDemo(
  rpcUrl: string,
  deployments: Deployments,
  contentDir: string,
  log: (line: string) => void = () => {},
): Promise<void> {
  const { chain, transport } = localSeedChain(rpcUrl, deployments.chainId);
  const client: PublicClient = createPublicClient({ chain, transport, pollingInterval: 250 });
  const market = { address: deployments.Marketplace, abi: marketplaceAbi } as const;
  if ((await client.readContract({ ...market, functionName: 'serviceCount' })) > 0n) return;

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

  for (const s of SERVICES) {
    const hash = await wallet(s.seller).writeContract({
      ...market,
      functionName: 'listService',
      args: [s.title, '', parseEther(s.price), s.deliveryWindow],
    });
    await confirm(hash, `listing ${s.title}`);
    log(`  listed    ${s.title} (account ${s.seller}, ${s.price} ETH)`);
  }
  for (const [buyer, serviceIndex, request, result, stars] of ORDERS) {
    const service = SERVICES[serviceIndex]!;
    const serviceId = BigInt(serviceIndex + 1);
    const orderId = (await client.readContract({ ...market, functionName: 'orderCount' })) + 1n;
    await confirm(
      await wallet(buyer).writeContract({ ...market, functionName: 'order', args: [serviceId, await document(request)], value: parseEther(service.price) }),
      'ordering',
    );
    if (result === null) {
      log(`  ordered   order #${orderId} (left open)`);
      continue;
    }
    await confirm(
      await wallet(service.seller).writeContract({ ...market, functionName: 'deliver', args: [orderId, await document(result), keccak256(toBytes(result))] }),
      'delivering',
    );
    await confirm(await wallet(buyer).writeContract({ ...market, functionName: 'accept', args: [orderId] }), 'accepting');
    await confirm(
      await wallet(buyer).writeContract({
        address: deployments.Reputation,
        abi: reputationAbi,
        functionName: 'rate',
        args: [orderId, stars, await document(`${stars} stars: delivered as asked.`)],
      }),
      'rating',
    );
    log(`  settled   order #${orderId} and rated it ${stars} stars`);
  }
  const now = (await client.getBlock()).timestamp;
  for (const [subject, level] of [
    [7, 2],
    [3, 3],
  ] as const) {
    await confirm(
      await wallet(4).writeContract({
        address: deployments.Certificates,
        abi: certificatesAbi,
        functionName: 'issue',
        args: [devAccounts[subject]!.address, level, now + 365n * 86_400n, await document(`Audit of account ${subject}: results verified.`)],
      }),
      'issuing a certificate',
    );
    log(`  certified account ${subject} (level ${level}, by Meridian Ratings)`);
  }
}
