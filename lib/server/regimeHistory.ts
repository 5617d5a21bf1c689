// Server read of the Constitution's history: every regime established or switched to
// (RegimeChanged events), oldest first, with the time of the block that changed it.
import 'server-only';
import type { Address } from 'viem';
import { moduleAbis } from '../modules';
import { serverConfig } from './config';
import { publicClient } from './data';
import { REGIME_KINDS, type RegimeKindName } from './governance';

export interface RegimeChange {
  from: RegimeKindName;
  to: RegimeKindName;
  regime: Address;
  at: number;
  blockNumber: bigint;
}

export async function readRegimeHistory(): Promise<RegimeChange[]> {
  const client = publicClient();
  const d = serverConfig().deployments;
  const logs = await client.getContractEvents({
    address: d.Constitution,
    abi: moduleAbis.Constitution,
    eventName: 'RegimeChanged',
    fromBlock: BigInt(d.deployBlock),
    strict: true,
  });
  const blocks = await Promise.all([...new Set(logs.map((l) => l.blockNumber))].map((n) => client.getBlock({ blockNumber: n })));
  const timeOf = new Map(blocks.map((b) => [b.number, Number(b.timestamp)]));
  return logs.map((log) => ({
    from: REGIME_KINDS[log.args.previousKind] ?? 'none',
    to: REGIME_KINDS[log.args.kind] ?? 'none',
    regime: log.args.regime,
    at: timeOf.get(log.blockNumber) ?? 0,
    blockNumber: log.blockNumber,
  }));
}
