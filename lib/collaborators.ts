// Domain model of a collaborator record, shared by the server, the browser and the scripts.
import type { Address, Hex } from 'viem';

export const KINDS = [
  { bit: 1, key: 'service', label: 'Service', description: 'offers services in the marketplace' },
  { bit: 2, key: 'rating', label: 'Rating', description: 'rates services and issues certificates' },
  { bit: 4, key: 'oracle', label: 'Oracle', description: 'feeds outside data into the governance' },
  { bit: 8, key: 'agent', label: 'Agent', description: 'acts on the governance’s output' },
] as const;

export type KindKey = (typeof KINDS)[number]['key'];
/** Each kind's bit, by key (the registry's `kinds` mask). */
export const KIND_BIT = { service: 1, rating: 2, oracle: 4, agent: 8 } as const satisfies Record<KindKey, number>;
export const ALL_KINDS_MASK = 15;

/** Mirrors CollaboratorRegistry.Status (enum order matters). */
export const STATUSES = ['none', 'active', 'suspended', 'unbonding', 'exited'] as const;
export type StatusKey = (typeof STATUSES)[number];

export const STATUS_LABELS: Record<StatusKey, string> = {
  none: 'Not registered',
  active: 'Active',
  suspended: 'Suspended',
  unbonding: 'Leaving (unbonding)',
  exited: 'Left',
};

/** One registry record in app form (JSON-safe: bigints as decimal strings are not needed server-side). */
export interface Collaborator {
  account: Address;
  kinds: number;
  status: StatusKey;
  joinedAt: number;
  unbondingEndsAt: number;
  bond: bigint;
  name: string;
  profileURI: string;
  sourceURI: string;
  sourceHash: Hex;
  /** Position in join order (0-based). */
  index: number;
}

/** The tuple the registry's reads return, as viem decodes it. */
export interface RawCollaborator {
  account: Address;
  kinds: number;
  status: number;
  joinedAt: bigint;
  unbondingEndsAt: bigint;
  bond: bigint;
  name: string;
  profileURI: string;
  sourceURI: string;
  sourceHash: Hex;
}

export function statusFromIndex(value: number): StatusKey {
  const status = STATUSES[value];
  if (!status) throw new Error(`Unknown collaborator status ${value}`);
  return status;
}

export function fromRaw(raw: RawCollaborator, index: number): Collaborator {
  return {
    account: raw.account,
    kinds: raw.kinds,
    status: statusFromIndex(raw.status),
    joinedAt: Number(raw.joinedAt),
    unbondingEndsAt: Number(raw.unbondingEndsAt),
    bond: raw.bond,
    name: raw.name,
    profileURI: raw.profileURI,
    sourceURI: raw.sourceURI,
    sourceHash: raw.sourceHash,
    index,
  };
}

export function kindsOf(mask: number): (typeof KINDS)[number][] {
  return KINDS.filter((kind) => (mask & kind.bit) !== 0);
}

export function kindBit(key: string): number | null {
  return KINDS.find((kind) => kind.key === key)?.bit ?? null;
}

/** Members are registrations that have not exited: active, suspended or unbonding. */
export function isMember(c: Pick<Collaborator, 'status'>): boolean {
  return c.status === 'active' || c.status === 'suspended' || c.status === 'unbonding';
}
