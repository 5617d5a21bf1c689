// Integration test against a real anvil chain: the block-cached reader must always agree with a
// fresh full read, whatever happened in between, and must not re-read when no block was mined.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublicClient, createWalletClient, http, parseEther, zeroHash, type PublicClient } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';
import { deploy, findFreePort, startAnvil, type Anvil } from '../scripts/lib/local';
import { devAccounts } from './devAccounts';
import { collaboratorRegistryAbi } from './generated/abis';
import { RegistryReader } from './registryReader';

let anvil: Anvil;
let registry: `0x${string}`;
let rpcCalls = 0;
let client: PublicClient;

beforeAll(async () => {
  anvil = await startAnvil({ port: await findFreePort() });
  const deployments = await deploy({
    rpcUrl: anvil.rpcUrl,
    privateKey: devAccounts[0]!.privateKey,
    deploymentsFile: `.data/tmp/reader-test-${process.pid}.json`,
  });
  registry = deployments.CollaboratorRegistry;
  client = createPublicClient({
    chain: foundry,
    transport: http(anvil.rpcUrl, { batch: { wait: 0 }, onFetchRequest: async (request) => {
      const body = (await request.clone().json()) as unknown;
      rpcCalls += Array.isArray(body) ? body.length : 1;
    } }),
  });
}, 60_000);

afterAll(async () => {
  await anvil?.stop();
});

async function write(index: number, functionName: 'join' | 'update' | 'leave' | 'addBond', args: readonly unknown[], value?: bigint) {
  const wallet = createWalletClient({ chain: foundry, transport: http(anvil.rpcUrl), account: privateKeyToAccount(devAccounts[index]!.privateKey) });
  const hash = await wallet.writeContract({ address: registry, abi: collaboratorRegistryAbi, functionName, args, value } as Parameters<typeof wallet.writeContract>[0]);
  await client.waitForTransactionReceipt({ hash });
}

describe('RegistryReader', () => {
  it('reads everything, then only what changed, and agrees with a fresh read', async () => {
    const reader = new RegistryReader(client, registry);
    expect((await reader.read()).records).toEqual([]);

    for (const i of [1, 2, 3]) await write(i, 'join', [1 << (i - 1), `Member ${i}`, '', 'https://example.org/src', zeroHash], parseEther('0.01'));
    let snapshot = await reader.read();
    expect(snapshot.records.map((c) => c.name)).toEqual(['Member 1', 'Member 2', 'Member 3']);
    expect(snapshot.stats.members).toBe(3);

    await write(2, 'update', [15, 'Renamed', 'https://example.org/p', 'https://example.org/src', zeroHash]);
    await write(3, 'leave', []);
    await write(1, 'addBond', [], parseEther('1'));
    await write(4, 'join', [8, 'Member 4', '', 'https://example.org/src', zeroHash], parseEther('0.02'));
    snapshot = await reader.read();
    const fresh = await new RegistryReader(client, registry).read();
    expect(snapshot.records).toEqual(fresh.records);
    expect(snapshot.stats).toEqual(fresh.stats);
    expect(snapshot.byAccount.get(devAccounts[2]!.address.toLowerCase())?.name).toBe('Renamed');
    expect(snapshot.byAccount.get(devAccounts[3]!.address.toLowerCase())?.status).toBe('unbonding');
    expect(snapshot.records[0]!.bond).toBe(parseEther('1.01'));

    rpcCalls = 0;
    const again = await reader.read();
    expect(again).toBe(snapshot);
    expect(rpcCalls).toBe(1); // only the block number
  }, 60_000);
});
