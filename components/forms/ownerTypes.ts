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
  /** The services it listed, when the marketplace could be read. */
  services: OwnedService[];
}

/** One of the owner's services (id as a decimal string). */
export interface OwnedService {
  id: string;
  title: string;
  active: boolean;
}

/** A certificate of the profile's subject, as the certifier panel needs it (id as a decimal string). */
export interface SubjectCertificate {
  id: string;
  issuer: Address;
  level: number;
  valid: boolean;
  revoked: boolean;
}

export interface CertifierProps {
  subject: Address;
  /** Whether the subject is an Active service collaborator (who may be certified). */
  certifiable: boolean;
  certificates: SubjectCertificate[];
}
