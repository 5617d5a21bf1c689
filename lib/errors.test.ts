import { BaseError, ContractFunctionRevertedError, UserRejectedRequestError, encodeErrorResult, parseEther } from 'viem';
import { describe, expect, it } from 'vitest';
import { describeError } from './errors';
import { collaboratorRegistryAbi } from './generated/abis';

function revert(errorName: 'AlreadyRegistered' | 'BondTooLow', args: readonly unknown[]) {
  const data = encodeErrorResult({ abi: collaboratorRegistryAbi, errorName, args } as Parameters<typeof encodeErrorResult>[0]);
  return new BaseError('Execution reverted', {
    cause: new ContractFunctionRevertedError({ abi: collaboratorRegistryAbi, data, functionName: 'join' }),
  });
}

describe('describeError', () => {
  it('maps custom errors to words', () => {
    expect(describeError(revert('AlreadyRegistered', ['0x70997970C51812dc3A010C7d01b50e0d17dc79C8']))).toMatchObject({
      kind: 'reverted',
      errorName: 'AlreadyRegistered',
      message: expect.stringContaining('already a collaborator'),
    });
    expect(describeError(revert('BondTooLow', [parseEther('0.001'), parseEther('0.01')])).message).toBe(
      'The bond is too low: sent 0.001 ETH, the minimum is 0.01 ETH.',
    );
  });
  it('calls a rejected signature cancelled', () => {
    const error = new BaseError('failed', { cause: new UserRejectedRequestError(new Error('User rejected the request.')) });
    expect(describeError(error)).toEqual({ kind: 'cancelled', message: 'Transaction cancelled in the wallet.' });
  });
  it('explains insufficient funds and passes other errors through', () => {
    expect(describeError(new BaseError('insufficient funds for gas * price + value')).message).toMatch(/balance is too low/);
    expect(describeError(new Error('boom'))).toEqual({ kind: 'failed', message: 'boom' });
  });
});
