// Turns wallet and contract errors into words a person can act on.
import { BaseError, ContractFunctionRevertedError, UserRejectedRequestError, formatEther } from 'viem';
import type { ContractErrorName } from './modules';

export type ErrorKind = 'cancelled' | 'reverted' | 'failed';

export interface DescribedError {
  kind: ErrorKind;
  message: string;
  /** The custom error name when the contract reverted with one. */
  errorName?: string;
}

type Args = readonly unknown[] | undefined;
const eth = (v: unknown) => (typeof v === 'bigint' ? `${formatEther(v)} ETH` : String(v));
const when = (v: unknown) => new Date(Number(v) * 1000).toUTCString();

/** One message per custom error of our contracts; the compiler checks none is missing. */
const messages: Record<ContractErrorName, (args: Args) => string> = {
  AlreadyRegistered: () => 'This address is already a collaborator. Update your profile instead of joining again.',
  NotRegistered: () => 'This address is not a registered collaborator.',
  BondTooLow: (a) => `The bond is too low: sent ${eth(a?.[0])}, the minimum is ${eth(a?.[1])}.`,
  InvalidKinds: () => 'Choose at least one valid kind of work.',
  InvalidName: () => 'The name must be 1 to 64 bytes long.',
  URITooLong: () => 'A link is longer than 256 bytes.',
  WrongStatus: () => 'Your registration’s current status does not allow this action.',
  StillUnbonding: (a) => `The bond is still unbonding until ${when(a?.[0])}.`,
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
  // Reputation
  AlreadyRated: () => 'This order has already been rated.',
  InvalidLevel: () => 'Choose a certificate level: bronze, silver or gold.',
  InvalidStars: () => 'Choose 1 to 5 stars.',
  MarketplaceNotSet: () => 'Ratings are not open yet: the marketplace is not connected.',
  NotBuyer: () => 'Only the buyer of this order can do this.',
  NotRateable: () => 'Only a settled order (or one ruled for the seller) can be rated.',
  SelfRating: () => 'You cannot rate your own service.',
  TooManyRatings: () => 'This collaborator has reached the maximum number of ratings for that star count.',
  UnauthorizedRecorder: () => 'Only the marketplace or the court may change experience points.',
  // Marketplace
  DeliveryDeadlineNotPassed: (a) => `The seller still has until ${when(a?.[1])} to deliver; a refund is possible after that.`,
  DeliveryDeadlinePassed: (a) => `The delivery deadline passed at ${when(a?.[1])}.`,
  FeeTooHigh: () => 'The fee is above the allowed maximum.',
  InvalidDeliveryWindow: () => 'The delivery window must be between 1 minute and 90 days.',
  InvalidPrice: () => 'The price must be more than zero.',
  InvalidReviewWindow: () => 'The review window is out of bounds.',
  InvalidTitle: () => 'The title must be 1 to 96 bytes long.',
  NotSeller: () => 'Only the seller of this order can do this.',
  NotServiceCollaborator: () => 'Only active service collaborators can do this.',
  NotServiceSeller: () => 'Only the seller of this service can change it.',
  NothingToWithdraw: () => 'There is nothing to withdraw.',
  ReviewWindowClosed: (a) => `The review window closed at ${when(a?.[1])}.`,
  ReviewWindowOpen: (a) => `The buyer can still review until ${when(a?.[1])}; release is possible after that.`,
  SafeCastOverflowedUintDowncast: () => 'A number is too large.',
  SelfDealing: () => 'You cannot order your own service.',
  ServiceInactive: () => 'This service is not taking orders.',
  UnknownOrder: () => 'There is no such order.',
  UnknownService: () => 'There is no such service.',
  WrongPayment: (a) => `The payment must be exactly the price: sent ${eth(a?.[0])}, the price is ${eth(a?.[1])}.`,
  WrongState: () => 'The order is not in a state that allows this action (it may have changed meanwhile).',
  ArbitratorNotSet: () => 'Disputes are not open yet: governance has not set an arbitrator.',
  WrongArbitrationFee: (a) => `The dispute fee must be exactly ${eth(a?.[1])} (sent ${eth(a?.[0])}).`,
  UnknownDispute: () => 'There is no such dispute.',
  InvalidRuling: () => 'The ruling is not one of the dispute’s options.',
  NotLosingParty: () => 'Only the party the current ruling goes against can appeal it.',
  // DisputeCourt
  AlreadyCommitted: () => 'You have already committed your vote in this round.',
  AlreadyRevealed: () => 'You have already revealed your vote in this round.',
  AppealPeriodOver: (a) => `The appeal period ended at ${when(a?.[1])}.`,
  DrawOutOfRange: () => 'The juror draw failed: no juror weight is left.',
  InsufficientStake: (a) => `You can unstake at most your stake (${eth(a?.[1])}).`,
  InvalidChoice: () => 'Choose one of the dispute’s options (or refuse to arbitrate).',
  InvalidCommitment: () => 'The vote commitment is empty.',
  InvalidDuration: () => 'A period must last between 1 minute and 30 days.',
  InvalidFeePerSeat: () => 'The fee per seat is above the allowed maximum.',
  InvalidLockPerSeat: () => 'The stake locked per seat must be more than zero and at most the minimum stake.',
  InvalidMaxRounds: () => 'The number of rounds must be between 1 and 5.',
  InvalidMinStake: () => 'The minimum stake is out of bounds (and may not be below the stake locked per seat).',
  NoJurors: () => 'No juror can be drawn yet: the dispute waits for jurors to stake.',
  NoMoreAppeals: () => 'This dispute is in its last round: it cannot be appealed again.',
  NotArbitrable: () => 'Only the contract that opened this dispute can appeal it.',
  NotCommitted: () => 'You did not commit a vote in this round, so there is nothing to reveal.',
  NotDrawn: () => 'You were not drawn as a juror in this round.',
  PeriodNotOver: (a) => `This period is not over yet: it ends at ${when(a?.[1])}.`,
  RevealMismatch: () => 'The vote and secret do not match your commitment (use the same choice and salt, from the same account).',
  StakeLocked: (a) => `${eth(a?.[0])} of your stake is locked by a dispute you were drawn in; unstake once it is settled.`,
  StakeTooLow: (a) => `A stake must be at least ${eth(a?.[1])} (or zero); this would leave ${eth(a?.[0])}.`,
  UnsupportedChoices: () => 'The court only handles disputes with two options.',
  WrongFee: (a) => `The fee must be exactly ${eth(a?.[1])} (sent ${eth(a?.[0])}).`,
  WrongPeriod: () => 'The dispute is not in the period this action needs (it may have moved on meanwhile).',
  // Certificates
  AlreadyRevoked: () => 'This certificate is already revoked.',
  ERC721IncorrectOwner: () => 'Certificates cannot be transferred.',
  ERC721InsufficientApproval: () => 'Certificates cannot be transferred.',
  ERC721InvalidApprover: () => 'Certificates cannot be approved for transfer.',
  ERC721InvalidOperator: () => 'Certificates cannot be approved for transfer.',
  ERC721InvalidOwner: () => 'Invalid certificate owner.',
  ERC721InvalidReceiver: () => 'Invalid certificate receiver.',
  ERC721InvalidSender: () => 'Invalid certificate sender.',
  ERC721NonexistentToken: () => 'There is no such certificate.',
  InvalidExpiry: () => 'The expiry must be in the future and at most two years away.',
  NotCertifier: () => 'Only rating collaborators in good standing can issue certificates.',
  NotIssuerOrGovernor: () => 'Only the issuer or governance can revoke this certificate.',
  ReasonTooLong: () => 'The reason is too long.',
  SelfCertification: () => 'You cannot certify yourself.',
  Soulbound: () => 'Certificates are soulbound: they cannot be transferred or approved.',
  StringsInsufficientHexLength: () => 'A value could not be formatted.',
  // Governance: the Constitution (timelock)
  AlreadyEstablished: () => 'The first regime has already been established.',
  NotARegime: () => 'That address is not a regime contract.',
  NotFounder: () => 'Only the founder may establish the first regime.',
  RegimeRoleFixed: () => 'The regime’s roles move only with a regime change.',
  RegimeTimelockMismatch: () => 'That regime governs another timelock, not this Constitution.',
  RegimeUnchanged: () => 'That regime is already in office.',
  TimelockInsufficientDelay: (a) => `The delay is too short: the minimum is ${String(a?.[1])} seconds.`,
  TimelockInvalidOperationLength: () => 'The operation’s targets, values and calldata do not match in length.',
  TimelockUnauthorizedCaller: () => 'Only the regime in office (or the timelock itself) can do this.',
  TimelockUnexecutedPredecessor: () => 'An operation this one depends on has not been executed yet.',
  TimelockUnexpectedOperationState: () => 'The operation is not in a state that allows this (not scheduled, not ready yet, or already done).',
  // Governance: the monarchy
  InvalidActionCount: (a) => `An operation has 1 to ${String(a?.[1])} calls.`,
  InvalidHeartbeatPeriod: () => 'The heartbeat period must be between one hour and two years.',
  InvalidHeir: () => 'The monarch cannot be their own heir.',
  MonarchAlive: (a) => `The monarch is still alive: the crown can be claimed from ${when(a?.[0])}.`,
  NoHeir: () => 'There is no heir.',
  NotHeir: () => 'Only the heir can do this.',
  NotMonarch: () => 'Only the monarch can do this.',
  OnlyTimelock: () => 'Only the Constitution (a passed proposal) can do this.',
  RegimeNotActive: () => 'This regime is not in office.',
  // Governance: the council
  AlreadyMember: () => 'This address already holds a council seat.',
  CheckpointUnorderedInsertion: () => 'Votes were recorded out of order.',
  ERC5805FutureLookup: () => 'Votes can only be read for the past.',
  InvalidSeatLimit: () => 'The seat limit must cover the current members and be at most 100.',
  LastMember: () => 'The last council member cannot be discharged.',
  NotMember: () => 'This address holds no council seat.',
  SeatLimitReached: (a) => `Every seat is taken (${String(a?.[0])}).`,
  SeatsNotDelegable: () => 'Council seats cannot be delegated.',
  VotesExpiredSignature: () => 'The signature has expired.',
  // Governance: the governors
  GovernorAlreadyCastVote: () => 'You have already voted on this proposal.',
  GovernorAlreadyQueuedProposal: () => 'This proposal is already queued.',
  GovernorClockMismatch: () => 'The votes source does not count time in seconds.',
  GovernorDisabledDeposit: () => 'The governor does not accept ETH.',
  GovernorInsufficientProposerVotes: (a) => `You need ${String(a?.[2])} votes to propose; you have ${String(a?.[1])}.`,
  GovernorInvalidProposalLength: () => 'The proposal’s targets, values and calldata do not match in length (or are empty).',
  GovernorInvalidQuorumFraction: () => 'The quorum must be a percentage from 0 to 100.',
  GovernorInvalidSignature: () => 'The vote signature is invalid.',
  GovernorInvalidVoteParams: () => 'Invalid vote parameters.',
  GovernorInvalidVoteType: () => 'Vote For, Against or Abstain.',
  GovernorInvalidVotingPeriod: () => 'The voting period must be longer than zero.',
  GovernorNonexistentProposal: () => 'There is no such proposal.',
  GovernorOnlyExecutor: () => 'Only the Constitution can do this.',
  GovernorProposalFromAnotherTerm: () => 'This proposal was voted before the regime’s current term began: propose it again.',
  GovernorProposalQueueingFailed: () => 'The proposal could not be queued.',
  GovernorProposalQueueingNotRequired: () => 'This proposal needs no queueing.',
  GovernorRegimeInactive: () => 'This regime is not in office: its proposals cannot be queued.',
  GovernorRestrictedProposer: () => 'This description reserves the proposal for another proposer.',
  GovernorTallyOverflow: () => 'The vote tally overflowed.',
  GovernorTimelockFixed: () => 'A regime’s timelock cannot change.',
  GovernorTooManyActions: (a) => `A proposal has at most ${String(a?.[1])} calls.`,
  GovernorUnableToCancel: () => 'Only the proposer can cancel, and only before voting starts.',
  GovernorUnexpectedProposalState: (a) =>
    `The proposal is ${['pending', 'active', 'canceled', 'defeated', 'succeeded', 'queued', 'expired', 'executed'][Number(a?.[1])] ?? 'in another state'}: this action is not possible now.`,
  GovernorVotingDelayTooShort: () => 'The voting delay must be at least one second.',
  GovernorPreventLateQuorumVoteExtensionTooLarge: () => 'The late-quorum extension cannot exceed the voting period.',
  InvalidAccountNonce: () => 'The signature’s nonce is stale.',
  InvalidShortString: () => 'Invalid name.',
  StringTooLong: () => 'A text is too long.',
  // Governance: activity votes
  ActivityNotDelegable: () => 'Activity votes cannot be delegated.',
  InvalidPeriodLength: () => 'Invalid activity period length.',
  InvalidWindow: () => 'Invalid activity window.',
  // ActivityCreditor
  AlreadyCredited: () => 'This activity has already been credited.',
  OrderNotSettled: () => 'Only settled orders earn activity points.',
  OrderNotRated: () => 'This order has not been rated yet.',
  NotCoherentJuror: () => 'Only jurors who voted with the settled ruling earn activity points for it.',
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
