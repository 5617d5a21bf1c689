import type { Address, Hex } from 'viem';
import type { StatusKey } from '@/lib/collaborators';

/** The profile fields the owner panel needs, passed from the server page. */
export interface OwnedCollaborator {
  account: Address;
  status: StatusKey;
  unbondingEndsAt: number;
  kinds: number;
  name: string;
  profileURI: string;
  sourceURI: string;
  sourceHash: Hex;
}
