import { encodeFunctionData, getAddress, type Address } from 'viem';
import { describe, expect, it } from 'vitest';
import { MODULES, type Deployments, type ModuleName } from './chain';
import { decodeAction, describeAction, implementationsFor, percentOf } from './governance';
import { PARAMETERS, encodeParameter, formatParameter, parseParameter } from './governanceParameters';
import { collaboratorRegistryAbi, marketplaceAbi, marketplaceV2Abi } from './generated/abis';

const deployments = {
  chainId: 31337,
  deployBlock: 0,
  implementations: { Marketplace: '0x00000000000000000000000000000000000000a1', MarketplaceV2: '0x00000000000000000000000000000000000000A2' } as Record<string, Address>,
  ...Object.fromEntries(MODULES.map((name, i) => [name, `0x${(i + 1).toString(16).padStart(40, '0')}`])),
} as { chainId: number; deployBlock: number; implementations: Record<string, Address> } & Record<ModuleName, Address> satisfies Deployments;

describe('decodeAction', () => {
  it('names the module and decodes the call', () => {
    const data = encodeFunctionData({ abi: marketplaceAbi, functionName: 'setFee', args: [300] });
    const action = decodeAction(deployments, deployments.Marketplace, 0n, data);
    expect(action.module).toBe('Marketplace');
    expect(describeAction(action)).toBe('Marketplace.setFee(300)');
  });

  it('keeps untrusted string arguments as they are (rendered as text)', () => {
    const account: Address = '0x00000000000000000000000000000000000000AA'; // checksummed, as decoded
    const data = encodeFunctionData({ abi: collaboratorRegistryAbi, functionName: 'suspend', args: [account, '<b>cheat</b>'] });
    expect(describeAction(decodeAction(deployments, deployments.CollaboratorRegistry, 0n, data))).toBe(
      `CollaboratorRegistry.suspend(${account}, <b>cheat</b>)`,
    );
  });

  it('shows an unknown target or selector raw, with any value', () => {
    const other: Address = '0x00000000000000000000000000000000000000ff';
    const action = decodeAction(deployments, other, 10n ** 18n, '0xdeadbeef00');
    expect(action.module).toBeNull();
    expect(describeAction(action)).toBe(`call ${other} with data 0xdeadbeef… with 1 ETH`);
    expect(decodeAction(deployments, deployments.Marketplace, 0n, '0x12345678').functionName).toBeNull();
  });
});

describe('percentOf', () => {
  it('is 0 of nothing and rounds down to a tenth', () => {
    expect(percentOf(1n, 0n)).toBe(0);
    expect(percentOf(1n, 3n)).toBe(33.3);
    expect(percentOf(2n, 2n)).toBe(100);
  });
});

describe('upgrade proposals', () => {
  it('names the new implementation and decodes the call made on it', () => {
    const init = encodeFunctionData({ abi: marketplaceV2Abi, functionName: 'initializeV2', args: ['ipfs://terms', `0x${'ab'.repeat(32)}`] });
    const data = encodeFunctionData({ abi: marketplaceAbi, functionName: 'upgradeToAndCall', args: [deployments.implementations.MarketplaceV2!, init] });
    expect(describeAction(decodeAction(deployments, deployments.Marketplace, 0n, data))).toBe(
      `Marketplace.upgradeToAndCall(MarketplaceV2 at 0x00000000000000000000000000000000000000A2, initializeV2(ipfs://terms, 0x${'ab'.repeat(32)}))`,
    );
  });

  it('shows an unknown implementation by address, and an upgrade without a call', () => {
    const other: Address = '0x00000000000000000000000000000000000000ff';
    const data = encodeFunctionData({ abi: marketplaceAbi, functionName: 'upgradeToAndCall', args: [other, '0x'] });
    expect(describeAction(decodeAction(deployments, deployments.Marketplace, 0n, data))).toBe(`Marketplace.upgradeToAndCall(${getAddress(other)}, no call)`);
  });

  it('offers a module its own implementations and their successors only', () => {
    expect(implementationsFor(deployments, 'Marketplace').map((i) => i.name)).toEqual(['Marketplace', 'MarketplaceV2']);
    expect(implementationsFor(deployments, 'Reputation')).toEqual([]);
  });
});

describe('parameters', () => {
  const fee = PARAMETERS.find((p) => p.key === 'fee')!;
  const window = PARAMETERS.find((p) => p.key === 'reviewWindow')!;
  const bond = PARAMETERS.find((p) => p.key === 'minBond')!;

  it('reads what people type into the raw on-chain value', () => {
    expect(parseParameter(fee, '2.5')).toBe(250n);
    expect(parseParameter(fee, '2.555')).toBeNull();
    expect(parseParameter(fee, '101')).toBeNull();
    expect(parseParameter(window, '72')).toBe(259_200n);
    expect(parseParameter(bond, '0.05')).toBe(5n * 10n ** 16n);
    expect(parseParameter(bond, '-1')).toBeNull();
    expect(parseParameter(bond, 'abc')).toBeNull();
  });

  it('shows current and new values the way people read them, and encodes the setter', () => {
    expect(formatParameter(fee, 250n)).toBe('2.50%');
    expect(formatParameter(bond, 10n ** 16n)).toBe('0.01 ETH');
    expect(describeAction(decodeAction(deployments, deployments.Marketplace, 0n, encodeParameter(fee, 300n)))).toBe('Marketplace.setFee(300)');
    expect(describeAction(decodeAction(deployments, deployments.CollaboratorRegistry, 0n, encodeParameter(bond, 1n)))).toBe('CollaboratorRegistry.setMinBond(1)');
  });
});
