// The parameters a proposal can change with the wizard's "Change a parameter": which module holds
// each, how a person types its new value, how it is shown, and the setter call. Shared by the server
// (which reads the current values) and the wizard (which shows current → new before signing).
import { encodeFunctionData, formatEther, parseEther, type Hex } from 'viem';
import { formatDuration } from './format';
import { collaboratorRegistryAbi as registry, councilSeatsAbi as seats, marketplaceAbi as marketplace } from './generated/abis';

export type ParameterUnit = 'percent' | 'hours' | 'eth' | 'count';

export const PARAMETERS = [
  { key: 'fee', label: 'Marketplace fee', module: 'Marketplace', getter: 'feeBps', unit: 'percent' },
  { key: 'reviewWindow', label: 'Marketplace review window', module: 'Marketplace', getter: 'reviewWindow', unit: 'hours' },
  { key: 'disputeSlash', label: 'Bond slashed from a seller who loses a dispute', module: 'Marketplace', getter: 'disputeSlash', unit: 'eth' },
  { key: 'minBond', label: 'Minimum collaborator bond', module: 'CollaboratorRegistry', getter: 'minBond', unit: 'eth' },
  { key: 'unbondingPeriod', label: 'Unbonding period', module: 'CollaboratorRegistry', getter: 'unbondingPeriod', unit: 'hours' },
  { key: 'seatLimit', label: 'Council seat limit', module: 'CouncilSeats', getter: 'seatLimit', unit: 'count' },
] as const;

export type ParameterKey = (typeof PARAMETERS)[number]['key'];
export type Parameter = (typeof PARAMETERS)[number];

/** Largest value of each setter's argument type. */
const MAX: Record<ParameterKey, bigint> = {
  fee: 10_000n, // basis points; the contract caps it lower
  reviewWindow: 2n ** 32n - 1n,
  disputeSlash: 2n ** 256n - 1n,
  minBond: 2n ** 256n - 1n,
  unbondingPeriod: 2n ** 64n - 1n,
  seatLimit: 2n ** 256n - 1n,
};

/** What the input field asks for. */
export function inputLabel(p: Parameter): string {
  return { percent: 'New value (% of the price)', hours: 'New value (hours)', eth: 'New value (ETH)', count: 'New value' }[p.unit];
}

/** The raw on-chain value typed by a person (2.5 % → 250 bps, 72 hours → 259200 s, 0.1 ETH → wei), or null. */
export function parseParameter(p: Parameter, text: string): bigint | null {
  const t = text.trim();
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  let raw: bigint;
  switch (p.unit) {
    case 'percent':
      if (!/^\d+(\.\d{1,2})?$/.test(t)) return null;
      raw = BigInt(Math.round(Number(t) * 100));
      break;
    case 'hours':
      raw = BigInt(Math.round(Number(t) * 3600));
      break;
    case 'eth':
      try {
        raw = parseEther(t);
      } catch {
        return null;
      }
      break;
    case 'count':
      if (!/^\d+$/.test(t)) return null;
      raw = BigInt(t);
      break;
  }
  return raw <= MAX[p.key] ? raw : null;
}

/** A raw value as people read it: "2.50%", "3 days", "0.01 ETH", "7". */
export function formatParameter(p: Parameter, raw: bigint): string {
  switch (p.unit) {
    case 'percent':
      return `${(Number(raw) / 100).toFixed(2)}%`;
    case 'hours':
      return formatDuration(Number(raw));
    case 'eth':
      return `${formatEther(raw)} ETH`;
    case 'count':
      return raw.toString();
  }
}

/** The setter's calldata for `raw` (sent to the parameter's module). */
export function encodeParameter(p: Parameter, raw: bigint): Hex {
  switch (p.key) {
    case 'fee':
      return encodeFunctionData({ abi: marketplace, functionName: 'setFee', args: [Number(raw)] });
    case 'reviewWindow':
      return encodeFunctionData({ abi: marketplace, functionName: 'setReviewWindow', args: [Number(raw)] });
    case 'disputeSlash':
      return encodeFunctionData({ abi: marketplace, functionName: 'setDisputeSlash', args: [raw] });
    case 'minBond':
      return encodeFunctionData({ abi: registry, functionName: 'setMinBond', args: [raw] });
    case 'unbondingPeriod':
      return encodeFunctionData({ abi: registry, functionName: 'setUnbondingPeriod', args: [raw] });
    case 'seatLimit':
      return encodeFunctionData({ abi: seats, functionName: 'setSeatLimit', args: [raw] });
  }
}
