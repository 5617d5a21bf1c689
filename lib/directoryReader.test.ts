// Integration test against a real anvil chain: the block-cached, event-driven reader must always
// agree with a fresh full read through the lens, whatever happened in between (joins, services,
// orders and ratings, certificates issued, revoked, expired, issuers leaving), and must read only
// the block number when no block was mined.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublicClient, createTestClient, createWalletClient, http, parseEther, zeroHash, type Abi, type Address, type PublicClient } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';
import { deploy, findFreePort, startAnvil, type Anvil } from '../scripts/lib/local';
import type { Deployments } from './chain';
import { devAccounts } from './devAccounts';
import { toDirectoryRecords } from './directory';
import { accountsNamed, DirectoryReader, type DirectoryContracts, type DirectorySnapshot, type WatchedLog } from './directoryReader';
import { certificatesAbi, collaboratorRegistryAbi, marketplaceAbi, reputationAbi } from './generated/abis';

let anvil: Anvil;
let deployments: Deployments;
let counts = { calls: 0, requests: 0 };
let client: PublicClient;

beforeAll(async () => {
  anvil = await startAnvil({ port: await findFreePort() });
  deployments = await deploy({
    rpcUrl: anvil.rpcUrl,
    privateKey: devAccounts[0]!.privateKey,
    deploymentsFile: `.data/tmp/reader-test-${process.pid}.json`,
  });
  client = createPublicClient({
    chain: foundry,
    transport: http(anvil.rpcUrl, {
      batch: { batchSize: 8, wait: 0 },
      onFetchRequest: async (request) => {
        const body = (await request.clone().json()) as unknown;
        counts.requests += 1;
        counts.calls += Array.isArray(body) ? body.length : 1;
      },
    }),
  });
}, 60_000);

afterAll(async () => {
  await anvil?.stop();
});

const address = (i: number): Address => devAccounts[i]!.address;

async function write(index: number, to: Address, abi: Abi, functionName: string, args: readonly unknown[], value?: bigint): Promise<void> {
  const wallet = createWalletClient({ chain: foundry, transport: http(anvil.rpcUrl), account: privateKeyToAccount(devAccounts[index]!.privateKey) });
  const hash = await wallet.writeContract({ address: to, abi, functionName, args, value } as Parameters<typeof wallet.writeContract>[0]);
  const receipt = await client.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success') throw new Error(`${functionName} reverted`);
}

const registry = (i: number, fn: string, args: readonly unknown[], value?: bigint) => write(i, deployments.CollaboratorRegistry, collaboratorRegistryAbi, fn, args, value);
const market = (i: number, fn: string, args: readonly unknown[], value?: bigint) => write(i, deployments.Marketplace, marketplaceAbi, fn, args, value);
const certificates = (i: number, fn: string, args: readonly unknown[]) => write(i, deployments.Certificates, certificatesAbi, fn, args);

async function chainTime(): Promise<bigint> {
  return (await client.getBlock()).timestamp;
}

/** The snapshot as the directory shows it (an expired certificate stays listed until its holder is read again). */
function shown(snapshot: DirectorySnapshot) {
  return { block: snapshot.block, stats: snapshot.stats, minBond: snapshot.minBond, records: toDirectoryRecords(snapshot) };
}

async function expectAgreesWithFreshRead(snapshot: DirectorySnapshot): Promise<void> {
  const fresh = await new DirectoryReader(client, deployments).read();
  expect(shown(snapshot)).toEqual(shown(fresh));
  // And with the chain's own judgement of every certificate the snapshot holds.
  for (const r of toDirectoryRecords(snapshot)) {
    const valid = await Promise.all(
      snapshot.byAccount.get(r.account.toLowerCase())!.certificates.map((c) =>
        client.readContract({ address: deployments.Certificates, abi: certificatesAbi, functionName: 'isValid', args: [c.id] }),
      ),
    );
    expect(r.certified, r.name).toBe(valid.some(Boolean));
  }
}

describe('DirectoryReader', () => {
  it('reads everything through the lens, then only what changed, and agrees with a fresh read', async () => {
    const reader = new DirectoryReader(client, deployments);
    counts = { calls: 0, requests: 0 };
    expect((await reader.read()).records).toEqual([]);
    expect(counts).toEqual({ calls: 1, requests: 1 }); // cold and small: one lens page at the latest block

    const bond = parseEther('0.01');
    await registry(1, 'join', [1, 'Seller One', '', 'https://example.org/src', zeroHash], bond);
    await registry(2, 'join', [1 | 8, 'Seller Two', '', 'https://example.org/src', zeroHash], bond);
    await registry(3, 'join', [2, 'Rater Three', '', 'https://example.org/src', zeroHash], bond);
    let snapshot = await reader.read();
    expect(snapshot.records.map((c) => c.name)).toEqual(['Seller One', 'Seller Two', 'Rater Three']);

    // Services, a settled and rated order, certificates, a profile update.
    await market(1, 'listService', ['Translate', '', parseEther('0.01'), 86_400]);
    await market(1, 'listService', ['Proofread', '', parseEther('0.01'), 86_400]);
    await market(2, 'listService', ['Summarise', '', parseEther('0.01'), 86_400]);
    await market(5, 'order', [1n, 'ipfs://request'], parseEther('0.01'));
    await market(1, 'deliver', [1n, 'ipfs://result', zeroHash]);
    await market(5, 'accept', [1n]);
    await write(5, deployments.Reputation, reputationAbi, 'rate', [1n, 4, '']);
    await market(1, 'setServiceActive', [2n, false]);
    const now = await chainTime();
    await certificates(3, 'issue', [address(1), 1, now + 1_000n, 'ipfs://evidence']); // expires soon
    await certificates(3, 'issue', [address(2), 2, now + 100n * 86_400n, 'ipfs://evidence']); // id 2
    await registry(2, 'update', [1, 'Renamed Two', 'https://example.org/p', 'https://example.org/src', zeroHash]);
    snapshot = await reader.read();
    const one = snapshot.byAccount.get(address(1).toLowerCase())!;
    expect(one).toMatchObject({ activeServices: 1, ratingCount: 1, ratingSum: 4 });
    expect(one.xp).toBeGreaterThan(0n);
    expect(snapshot.byAccount.get(address(2).toLowerCase())).toMatchObject({ name: 'Renamed Two', activeServices: 1 });
    expect(toDirectoryRecords(snapshot).map((r) => r.certified)).toEqual([true, true, false]);
    await expectAgreesWithFreshRead(snapshot);

    // A revocation names only the certificate; a new join comes with the next page.
    await certificates(3, 'revoke', [2n, 'withdrawn']);
    await registry(4, 'join', [4, 'Oracle Four', '', 'https://example.org/src', zeroHash], bond);
    snapshot = await reader.read();
    expect(snapshot.records).toHaveLength(4);
    expect(snapshot.byAccount.get(address(2).toLowerCase())!.certificates).toEqual([]);
    expect(toDirectoryRecords(snapshot).map((r) => r.certified)).toEqual([true, false, false, false]);
    await expectAgreesWithFreshRead(snapshot);

    // Time passes (no event): the first certificate expires.
    await createTestClient({ chain: foundry, mode: 'anvil', transport: http(anvil.rpcUrl) }).increaseTime({ seconds: 2_000 });
    await registry(4, 'addBond', [], bond); // mines a block
    snapshot = await reader.read();
    expect(toDirectoryRecords(snapshot)[0]!.certified).toBe(false);
    await expectAgreesWithFreshRead(snapshot);

    // A new certificate, then its issuer leaves (an event about the issuer, not the holder).
    await certificates(3, 'issue', [address(2), 3, (await chainTime()) + 86_400n, 'ipfs://evidence']);
    snapshot = await reader.read();
    expect(toDirectoryRecords(snapshot)[1]!.certified).toBe(true);
    await registry(3, 'leave', []);
    snapshot = await reader.read();
    expect(toDirectoryRecords(snapshot)[1]!.certified).toBe(false);
    await expectAgreesWithFreshRead(snapshot);

    counts = { calls: 0, requests: 0 };
    const again = await reader.read();
    expect(again).toBe(snapshot);
    expect(counts).toEqual({ calls: 1, requests: 1 }); // only the block number
  }, 120_000);
});

describe('accountsNamed', () => {
  const contracts: DirectoryContracts = {
    CollaboratorRegistry: '0x00000000000000000000000000000000000000a1',
    Reputation: '0x00000000000000000000000000000000000000a2',
    Marketplace: '0x00000000000000000000000000000000000000a3',
    Certificates: '0x00000000000000000000000000000000000000a4',
    DirectoryLens: '0x00000000000000000000000000000000000000a5',
  };
  const log = (address: string, eventName: string, args: WatchedLog['args']): WatchedLog => ({ address, eventName, args });

  it('maps each event to the accounts whose entry it changes, by emitting contract', () => {
    const holders = new Map([[7n, '0xholder']]);
    const named = accountsNamed(
      [
        log(contracts.CollaboratorRegistry, 'Joined', { account: '0xA' }),
        log(contracts.Reputation, 'Rated', { seller: '0xS', buyer: '0xB' }),
        log(contracts.Reputation, 'SettlementRecorded', { seller: '0xS2', buyer: '0xB2' }),
        log(contracts.Reputation, 'DisputeLossRecorded', { loser: '0xL' }),
        log(contracts.Marketplace, 'ServiceActiveSet', { seller: '0xM' }),
        log(contracts.Certificates, 'Issued', { subject: '0xC', id: 1n }),
        log(contracts.Certificates, 'Revoked', { id: 7n }),
        log(contracts.Certificates, 'Revoked', { id: 8n }), // not live when read: nobody to update
      ],
      contracts,
      (id) => holders.get(id),
    );
    expect([...named].sort()).toEqual(['0xa', '0xb2', '0xc', '0xholder', '0xl', '0xm', '0xs', '0xs2']);
  });

  it('ignores a same-signature event from another contract', () => {
    // The marketplace's Withdrawn(address,uint256) has the registry's signature; it changes no record.
    expect(accountsNamed([log(contracts.Marketplace, 'Withdrawn', { account: '0xA' })], contracts, () => undefined).size).toBe(0);
  });
});
