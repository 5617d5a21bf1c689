// Turns wallet and contract errors into words a person can act on.
import { BaseError, ContractFunctionRevertedError, UserRejectedRequestError, formatEther } from 'viem';
import type { collaboratorRegistryAbi } from './generated/abis';

/** Every custom error name in our contracts' ABIs. */
type ContractErrorName = Extract<(typeof collaboratorRegistryAbi)[number], { type: 'error' }>['name'];

export type ErrorKind = 'cancelled' | 'reverted' | 'failed';

export interface DescribedError {
  kind: ErrorKind;
  message: string;
  /** The custom error name when the contract reverted with one. */
  errorName?: string;
}

type Args = readonly unknown[] | undefined;
const eth = (v: unknown) => (typeof v === 'bigint' ? `${formatEther(v)} ETH` : String(v));

/** One message per custom error of our contracts; the compiler checks none is missing. */
const messages: Record<ContractErrorName, (args: Args) => string> = {
  AlreadyRegistered: () => 'This address is already a collaborator. Update your profile instead of joining again.',
  NotRegistered: () => 'This address is not a registered collaborator.',
  BondTooLow: (a) => `The bond is too low: sent ${eth(a?.[0])}, the minimum is ${eth(a?.[1])}.`,
  InvalidKinds: () => 'Choose at least one valid kind of work.',
  InvalidName: () => 'The name must be 1 to 64 bytes long.',
  URITooLong: () => 'A link is longer than 256 bytes.',
  WrongStatus: () => 'Your registration’s current status does not allow this action.',
  StillUnbonding: (a) => `The bond is still unbonding until ${new Date(Number(a?.[0]) * 1000).toUTCString()}.`,
  ZeroAmount: () => 'The amount must be more than zero.',
  SlashExceedsBond: () => 'The slash is larger than the bond.',
  ZeroAddress: () => 'An address is missing.',
  NothingToClaim: () => 'There is nothing to claim.',
  TransferFailed: () => 'Sending the ETH failed: the receiving address refused it.',
  InvalidPageSize: () => 'Invalid page size.',
  UnbondingPeriodTooLong: () => 'The unbonding period is too long.',
  AccessControlUnauthorizedAccount: () => 'Your account is not allowed to do this.',
  AccessControlBadConfirmation: () => 'Role renunciation must be confirmed by the account itself.',
  ReentrancyGuardReentrantCall: () => 'Re-entrant call refused.',
  InvalidInitialization: () => 'The contract is already initialized.',
  NotInitializing: () => 'The contract is not initializing.',
  UUPSUnauthorizedCallContext: () => 'Upgrade called in the wrong context.',
  UUPSUnsupportedProxiableUUID: () => 'The new implementation is not upgradeable.',
  ERC1967InvalidImplementation: () => 'The new implementation is not a contract.',
  ERC1967NonPayable: () => 'This call does not accept ETH.',
  AddressEmptyCode: () => 'The target has no code.',
  FailedCall: () => 'A call failed.',
};

function isErrorName(name: string): name is ContractErrorName {
  return Object.hasOwn(messages, name);
}

/** Describes any error thrown while simulating, signing or confirming a transaction. */
export function describeError(error: unknown): DescribedError {
  if (error instanceof BaseError) {
    const rejected = error.walk((e) => e instanceof UserRejectedRequestError || (e as { code?: number }).code === 4001);
    if (rejected) return { kind: 'cancelled', message: 'Transaction cancelled in the wallet.' };
    const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError);
    if (reverted instanceof ContractFunctionRevertedError) {
      const name = reverted.data?.errorName;
      if (name && isErrorName(name)) {
        return { kind: 'reverted', errorName: name, message: messages[name](reverted.data?.args) };
      }
      if (reverted.reason) return { kind: 'reverted', message: `The contract refused: ${reverted.reason}` };
      return { kind: 'reverted', message: 'The contract refused the transaction.' };
    }
    if (/insufficient funds/i.test(error.message)) {
      return { kind: 'failed', message: 'Your balance is too low to pay for this transaction and its gas.' };
    }
    return { kind: 'failed', message: error.shortMessage || error.message };
  }
  if (error instanceof Error) return { kind: 'failed', message: error.message };
  return { kind: 'failed', message: 'Something went wrong.' };
}
