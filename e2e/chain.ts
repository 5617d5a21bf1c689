// Direct access to the e2e chain from the tests (the same anvil the app under test reads).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPublicClient, createTestClient, createWalletClient, http, type Address } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';
import { devAccounts } from '../lib/devAccounts';
import { collaboratorRegistryAbi } from '../lib/generated/abis';

export const rpcUrl = `http://127.0.0.1:${process.env.OSO_E2E_ANVIL_PORT}`;
const transport = http(rpcUrl);
export const publicClient = createPublicClient({ chain: foundry, transport });
export const testClient = createTestClient({ chain: foundry, mode: 'anvil', transport });

export function registryAddress(): Address {
  const file = join(process.cwd(), '.data', 'e2e', 'deployments.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { CollaboratorRegistry: Address }).CollaboratorRegistry;
}

export async function registryCount(): Promise<bigint> {
  return publicClient.readContract({ address: registryAddress(), abi: collaboratorRegistryAbi, functionName: 'count' });
}

export async function statusOf(index: number): Promise<number> {
  const record = await publicClient.readContract({
    address: registryAddress(),
    abi: collaboratorRegistryAbi,
    functionName: 'get',
    args: [devAccounts[index]!.address],
  });
  return record.status;
}

/** Joins with a dev account straight through the RPC (as another tab or program would). */
export async function joinDirectly(index: number, name: string): Promise<void> {
  const account = privateKeyToAccount(devAccounts[index]!.privateKey);
  const wallet = createWalletClient({ chain: foundry, transport, account });
  const minBond = await publicClient.readContract({ address: registryAddress(), abi: collaboratorRegistryAbi, functionName: 'minBond' });
  const hash = await wallet.writeContract({
    address: registryAddress(),
    abi: collaboratorRegistryAbi,
    functionName: 'join',
    args: [1, name, '', 'https://example.org/source', `0x${'0'.repeat(64)}`],
    value: minBond,
  });
  await publicClient.waitForTransactionReceipt({ hash });
}

/** Moves chain time forward and mines a block. */
export async function advanceTime(seconds: number): Promise<void> {
  await testClient.increaseTime({ seconds });
  await testClient.mine({ blocks: 1 });
}
