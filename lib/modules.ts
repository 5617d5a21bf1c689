// The generated ABI of each deployed module, by the module's name in the deployments file.
import type { ModuleName } from './chain';
import { certificatesAbi, collaboratorRegistryAbi, directoryLensAbi, disputeCourtAbi, marketplaceAbi, reputationAbi } from './generated/abis';

export const moduleAbis = {
  CollaboratorRegistry: collaboratorRegistryAbi,
  Reputation: reputationAbi,
  Marketplace: marketplaceAbi,
  Certificates: certificatesAbi,
  DisputeCourt: disputeCourtAbi,
  DirectoryLens: directoryLensAbi,
} as const satisfies Record<ModuleName, readonly unknown[]>;

/** Every custom error name in our contracts' ABIs. */
export type ContractErrorName = {
  [M in ModuleName]: Extract<(typeof moduleAbis)[M][number], { type: 'error' }>['name'];
}[ModuleName];
