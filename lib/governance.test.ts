import { encodeFunctionData, type Address } from 'viem';
import { describe, expect, it } from 'vitest';
import { MODULES, type Deployments, type ModuleName } from './chain';
import { decodeAction, describeAction, percentOf } from './governance';
import { collaboratorRegistryAbi, marketplaceAbi } from './generated/abis';

const deployments = {
  chainId: 31337,
  deployBlock: 0,
  ...Object.fromEntries(MODULES.map((name, i) => [name, `0x${(i + 1).toString(16).padStart(40, '0')}`])),
} as { chainId: number; deployBlock: number } & Record<ModuleName, Address> satisfies Deployments;

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
