// The generated ABI of each deployed module, by the module's name in the deployments file.
import type { ModuleName, UpgradeImplementationName } from './chain';
import {
  activityCreditorAbi,
  activityVotesAbi,
  certificatesAbi,
  collaboratorRegistryAbi,
  constitutionAbi,
  councilGovernorAbi,
  councilSeatsAbi,
  democracyGovernorAbi,
  directoryLensAbi,
  disputeCourtAbi,
  marketplaceAbi,
  marketplaceV2Abi,
  monarchyRegimeAbi,
  reputationAbi,
} from './generated/abis';

export const moduleAbis = {
  CollaboratorRegistry: collaboratorRegistryAbi,
  Reputation: reputationAbi,
  Marketplace: marketplaceAbi,
  Certificates: certificatesAbi,
  DisputeCourt: disputeCourtAbi,
  DirectoryLens: directoryLensAbi,
  Constitution: constitutionAbi,
  MonarchyRegime: monarchyRegimeAbi,
  CouncilSeats: councilSeatsAbi,
  CouncilGovernor: councilGovernorAbi,
  ActivityVotes: activityVotesAbi,
  DemocracyGovernor: democracyGovernorAbi,
  ActivityCreditor: activityCreditorAbi,
} as const satisfies Record<ModuleName, readonly unknown[]>;

/** The generated ABI of each upgrade implementation (lib/chain.ts UPGRADE_IMPLEMENTATIONS). */
export const implementationAbis = {
  MarketplaceV2: marketplaceV2Abi,
} as const satisfies Record<UpgradeImplementationName, readonly unknown[]>;

/** Every custom error name in our contracts' ABIs. */
export type ContractErrorName = {
  [M in ModuleName]: Extract<(typeof moduleAbis)[M][number], { type: 'error' }>['name'];
}[ModuleName];
