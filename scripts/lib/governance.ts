// Governance on a local chain: the seed (and tests) change the organization only the way anyone
// would, through the regime in office. After deployment no account holds a module role; the
// Constitution (timelock) does, and the local default regime is a council of dev accounts 0–2.
import { createPublicClient, createTestClient, createWalletClient, defineChain, http, keccak256, stringToHex, type Address, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import type { Deployments } from '../../lib/chain';
import { devAccounts } from '../../lib/devAccounts';
import { constitutionAbi, councilGovernorAbi, councilSeatsAbi } from '../../lib/generated/abis';

/** Dev accounts seated on the local demo council (`COUNCIL` of Deploy.s.sol). */
export const LOCAL_COUNCIL = [0, 1, 2] as const;

/** Environment for contracts/script/Deploy.s.sol on a local chain: the council of dev accounts 0–2. */
export function localGovernanceEnv(): Record<string, string> {
  return {
    REGIME: 'council',
    COUNCIL: LOCAL_COUNCIL.map((i) => devAccounts[i]!.address).join(','),
  };
}

/** One call the Constitution makes when the proposal executes. */
export interface Action {
  target: Address;
  data: Hex;
  value?: bigint;
}

/** Governor proposal states (OpenZeppelin IGovernor.ProposalState). */
export const ProposalState = { Pending: 0, Active: 1, Canceled: 2, Defeated: 3, Succeeded: 4, Queued: 5, Expired: 6, Executed: 7 } as const;

/**
 * Passes `actions` through the council in office on a local anvil chain: the first dev account on
 * the council proposes, every dev account on it votes For, chain time is advanced past the voting
 * delay, the voting period and the timelock's delay, and the proposal is queued and executed.
 * Returns the proposal id, or a reason when the regime in office is not a council of dev accounts.
 */
export async function passThroughLocalCouncil(
  rpcUrl: string,
  deployments: Pick<Deployments, 'chainId' | 'Constitution' | 'CouncilGovernor' | 'CouncilSeats'>,
  actions: readonly Action[],
  description: string,
  log: (line: string) => void = () => {},
): Promise<{ proposalId: bigint } | { skipped: string }> {
  const chain = defineChain({
    id: deployments.chainId,
    name: 'OSO local',
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  });
  const transport = http(rpcUrl, { retryCount: 0 });
  const client = createPublicClient({ chain, transport, pollingInterval: 250 });
  const test = createTestClient({ chain, mode: 'anvil', transport });
  const governor = deployments.CouncilGovernor;

  const regime = await client.readContract({ address: deployments.Constitution, abi: constitutionAbi, functionName: 'regime' });
  if (regime.toLowerCase() !== governor.toLowerCase()) return { skipped: 'the regime in office is not the council' };
  const members = await client.readContract({ address: deployments.CouncilSeats, abi: councilSeatsAbi, functionName: 'members' });
  const seated = new Set(members.map((m) => m.toLowerCase()));
  const voters = devAccounts.filter((a) => seated.has(a.address.toLowerCase()));
  const proposer = voters[0];
  if (!proposer) return { skipped: 'no dev account holds a council seat' };

  const wallet = (key: Hex) => createWalletClient({ chain, transport, account: privateKeyToAccount(key) });
  const send = async (key: Hex, what: string, call: Parameters<ReturnType<typeof wallet>['writeContract']>[0]): Promise<void> => {
    const hash = await wallet(key).writeContract(call);
    const receipt = await client.waitForTransactionReceipt({ hash });
    if (receipt.status !== 'success') throw new Error(`${what}: transaction ${hash} reverted`);
  };
  const advance = async (seconds: bigint): Promise<void> => {
    await test.increaseTime({ seconds: Number(seconds) });
    await test.mine({ blocks: 1 });
  };

  const targets = actions.map((a) => a.target);
  const values = actions.map((a) => a.value ?? 0n);
  const calldatas = actions.map((a) => a.data);
  const descriptionHash = keccak256(stringToHex(description));
  const args = [targets, values, calldatas, descriptionHash] as const;
  const proposalId = await client.readContract({ address: governor, abi: councilGovernorAbi, functionName: 'hashProposal', args });

  // Seats count one second after they are taken: make sure the proposer's is in the past.
  await advance(1n);
  await send(proposer.privateKey, 'proposing', {
    address: governor,
    abi: councilGovernorAbi,
    functionName: 'propose',
    args: [targets, values, calldatas, description],
    chain,
    account: privateKeyToAccount(proposer.privateKey),
  });
  log(`  proposed  "${description}" (council, account ${proposer.index})`);
  const votingDelay = await client.readContract({ address: governor, abi: councilGovernorAbi, functionName: 'votingDelay' });
  await advance(votingDelay + 1n);
  for (const voter of voters) {
    await send(voter.privateKey, `account ${voter.index} voting`, {
      address: governor,
      abi: councilGovernorAbi,
      functionName: 'castVote',
      args: [proposalId, 1],
      chain,
      account: privateKeyToAccount(voter.privateKey),
    });
  }
  log(`  voted     For by accounts ${voters.map((v) => v.index).join(', ')}`);
  const votingPeriod = await client.readContract({ address: governor, abi: councilGovernorAbi, functionName: 'votingPeriod' });
  await advance(votingPeriod + 1n);
  const account = privateKeyToAccount(proposer.privateKey);
  await send(proposer.privateKey, 'queueing', { address: governor, abi: councilGovernorAbi, functionName: 'queue', args, chain, account });
  const delay = await client.readContract({ address: deployments.Constitution, abi: constitutionAbi, functionName: 'getMinDelay' });
  await advance(delay + 1n);
  await send(proposer.privateKey, 'executing', { address: governor, abi: councilGovernorAbi, functionName: 'execute', args, chain, account });
  const state = await client.readContract({ address: governor, abi: councilGovernorAbi, functionName: 'state', args: [proposalId] });
  if (state !== ProposalState.Executed) throw new Error(`proposal ${proposalId} ended in state ${state}, not executed`);
  log(`  executed  after the voting period and the timelock's ${delay} s delay`);
  return { proposalId };
}
