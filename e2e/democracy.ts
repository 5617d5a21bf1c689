// The democracy from the tests' side, straight through the RPC: credit activity as the keeper
// would, and pass a proposal with the votes of every dev account that has weight at its snapshot.
import { encodeFunctionData, keccak256, stringToHex, type Address, type Hex } from 'viem';
import { devAccounts } from '../lib/devAccounts';
import { activityCreditorAbi, constitutionAbi, democracyGovernorAbi } from '../lib/generated/abis';
import { advanceTime, confirmed, deployed, publicClient, walletOf } from './chain';

/** Credits the sides of settled `orderIds` (creditAll, sent by dev account 0 — anyone may). */
export async function creditOrders(orderIds: bigint[]): Promise<void> {
  await confirmed(
    await walletOf(devAccounts[0]!.address).writeContract({
      address: deployed('ActivityCreditor'),
      abi: activityCreditorAbi,
      functionName: 'creditAll',
      args: [orderIds, [], []],
    }),
  );
}

/**
 * Dev account `proposer` proposes `call` to the democracy; every dev account with weight at the
 * snapshot votes For; time passes the voting period (with its late-quorum extension) and the
 * timelock's delay; the proposal is queued and executed. Throws unless it ends Executed.
 */
export async function passThroughDemocracy(proposer: number, call: { target: Address; data: Hex }, description: string): Promise<void> {
  const governor = { address: deployed('DemocracyGovernor'), abi: democracyGovernorAbi } as const;
  const args = [[call.target], [0n], [call.data], keccak256(stringToHex(description))] as const;
  const send = async (index: number, request: { functionName: 'propose' | 'castVote' | 'queue' | 'execute'; args: readonly unknown[] }) =>
    confirmed(await walletOf(devAccounts[index]!.address).writeContract({ ...governor, ...request } as Parameters<ReturnType<typeof walletOf>['writeContract']>[0]));

  await send(proposer, { functionName: 'propose', args: [[call.target], [0n], [call.data], description] });
  const id = await publicClient.readContract({ ...governor, functionName: 'hashProposal', args });
  const [votingDelay, votingPeriod, extension, snapshot, minDelay] = await Promise.all([
    publicClient.readContract({ ...governor, functionName: 'votingDelay' }),
    publicClient.readContract({ ...governor, functionName: 'votingPeriod' }),
    publicClient.readContract({ ...governor, functionName: 'lateQuorumVoteExtension' }),
    publicClient.readContract({ ...governor, functionName: 'proposalSnapshot', args: [id] }),
    publicClient.readContract({ address: deployed('Constitution'), abi: constitutionAbi, functionName: 'getMinDelay' }),
  ]);
  await advanceTime(Number(votingDelay) + 1);
  for (const account of devAccounts) {
    const weight = await publicClient.readContract({ ...governor, functionName: 'getVotes', args: [account.address, snapshot] });
    if (weight > 0n) await send(account.index, { functionName: 'castVote', args: [id, 1] });
  }
  await advanceTime(Number(votingPeriod) + Number(extension) + 1);
  await send(proposer, { functionName: 'queue', args });
  await advanceTime(Number(minDelay) + 1);
  await send(proposer, { functionName: 'execute', args });
  const state = await publicClient.readContract({ ...governor, functionName: 'state', args: [id] });
  if (state !== 7) throw new Error(`democracy proposal ${id} ended in state ${state}, not Executed`);
}

/** The call that switches the regime to the MonarchyRegime. */
export function switchToMonarchy(): { target: Address; data: Hex } {
  return {
    target: deployed('Constitution'),
    data: encodeFunctionData({ abi: constitutionAbi, functionName: 'switchRegime', args: [deployed('MonarchyRegime')] }),
  };
}
