// Governance demo data on a fresh local chain, after the other seeds: besides the founding
// hand-over (monarchy → council, in seedDemo) and the executed suspension, the council holds
// proposals in the other states a visitor should see — one defeated, one queued in the timelock
// (the keeper agent executes it once the delay has passed), and one open for voting.
// Runs once: a proposal the council already has is skipped.
import { encodeFunctionData, parseEther } from 'viem';
import type { Deployments } from '../../lib/chain';
import { devAccounts } from '../../lib/devAccounts';
import { collaboratorRegistryAbi, councilSeatsAbi, marketplaceAbi } from '../../lib/generated/abis';
import { runCouncilProposal, Vote, type CouncilProposal } from './governance';

/** The demo proposals, in the order they are made (the last one stays open). */
export function demoProposals(deployments: Pick<Deployments, 'CollaboratorRegistry' | 'Marketplace' | 'CouncilSeats'>): CouncilProposal[] {
  const northwind = devAccounts[3]!.address;
  return [
    {
      description:
        'Raise the minimum bond to 1 ETH\n\nA higher bond would make fraud costlier, but it would also keep small collaborators out. ' +
        'Account 0 proposes it; accounts 1 and 2 vote against.',
      actions: [
        {
          target: deployments.CollaboratorRegistry,
          data: encodeFunctionData({ abi: collaboratorRegistryAbi, functionName: 'setMinBond', args: [parseEther('1')] }),
        },
      ],
      votes: { 0: Vote.For, 1: Vote.Against, 2: Vote.Against },
      until: 'closed',
    },
    {
      description:
        'Shorten the review window to 2 days\n\nBuyers review deliveries within two days; after that the keeper releases payment. ' +
        'Passed unanimously and queued in the timelock.',
      actions: [
        {
          target: deployments.Marketplace,
          data: encodeFunctionData({ abi: marketplaceAbi, functionName: 'setReviewWindow', args: [2 * 86_400] }),
        },
      ],
      votes: { 0: Vote.For, 1: Vote.For, 2: Vote.For },
      until: 'queued',
    },
    {
      description:
        'Admit Northwind Translation Co-op (account 3) to the council\n\nThe co-op has served the organization since its founding; ' +
        'a fourth seat would bring a service collaborator to the council.',
      actions: [{ target: deployments.CouncilSeats, data: encodeFunctionData({ abi: councilSeatsAbi, functionName: 'admit', args: [northwind] }) }],
      votes: { 0: Vote.For },
      until: 'active',
    },
  ];
}

export async function seedGovernanceDemo(rpcUrl: string, deployments: Deployments, log: (line: string) => void = () => {}): Promise<void> {
  for (const proposal of demoProposals(deployments)) {
    const result = await runCouncilProposal(rpcUrl, deployments, proposal, log);
    if ('skipped' in result) log(`  skipped   ${result.skipped}`);
  }
}
