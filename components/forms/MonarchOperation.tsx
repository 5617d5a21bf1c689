'use client';
// The monarch's buttons on one scheduled timelock operation: Execute once its delay has passed,
// Cancel while it waits (MonarchyRegime.execute / cancel; only the monarch may call them).
import type { Address, Hex } from 'viem';
import { MONARCH_GAS_MARGIN } from '@/lib/governance';
import { useContractWrite } from '../wallet/useContractWrite';

export interface MonarchOperationProps {
  monarch: Address;
  id: Hex;
  targets: Address[];
  /** Decimal strings (server components pass no bigints). */
  values: string[];
  payloads: Hex[];
  salt: Hex;
  /** Whether the timelock's delay has passed (chain time). */
  ready: boolean;
}

export default function MonarchOperation(props: MonarchOperationProps) {
  const { send, busy, address } = useContractWrite();
  if (!address || address.toLowerCase() !== props.monarch.toLowerCase()) return null;
  const values = props.values.map((v) => BigInt(v));
  return (
    <span className="flex gap-2" data-testid="monarch-operation-actions">
      {props.ready ? (
        <button
          type="button"
          className="btn-primary"
          disabled={busy}
          onClick={() => void send({ module: 'MonarchyRegime', functionName: 'execute', args: [props.targets, values, props.payloads, props.salt], label: 'Execute', gasExtra: MONARCH_GAS_MARGIN })}
        >
          Execute
        </button>
      ) : null}
      <button type="button" className="btn-danger" disabled={busy} onClick={() => void send({ module: 'MonarchyRegime', functionName: 'cancel', args: [props.id], label: 'Cancel', gasExtra: MONARCH_GAS_MARGIN })}>
        Cancel
      </button>
    </span>
  );
}
