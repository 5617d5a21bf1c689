// Activity points for the seeded work, after the market and court seeds: every order, rating and
// jury seat goes to ActivityCreditor.creditAll in one transaction (it skips, without reverting, what
// is not eligible or was credited already), as the keeper agent would. So /me and the democracy
// show real activity on a fresh demo. Idempotent: a second run credits nothing.
import { createPublicClient, createWalletClient, getAbiItem } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import type { Deployments } from '../../lib/chain';
import { devAccounts } from '../../lib/devAccounts';
import { activityCreditorAbi, disputeCourtAbi, marketplaceAbi } from '../../lib/generated/abis';
import { localSeedChain } from './seed';

/** Who sends the credit (anyone may): dev account 0. */
const KEEPER = 0;

const drawn = getAbiItem({ abi: disputeCourtAbi, name: 'JurorDrawn' });

export async function seedActivity(
  rpcUrl: string,
  deployments: Pick<Deployments, 'chainId' | 'deployBlock' | 'Marketplace' | 'DisputeCourt' | 'ActivityCreditor'>,
  log: (line: string) => void = () => {},
): Promise<{ credited: bigint }> {
  const { chain, transport } = localSeedChain(rpcUrl, deployments.chainId);
  const client = createPublicClient({ chain, transport, pollingInterval: 250 });
  const keeper = devAccounts[KEEPER];
  if (!keeper) throw new Error(`lib/devAccounts.ts has no account ${KEEPER}`);
  const account = privateKeyToAccount(keeper.privateKey);
  const wallet = createWalletClient({ chain, transport, account });

  const orderCount = await client.readContract({ address: deployments.Marketplace, abi: marketplaceAbi, functionName: 'orderCount' });
  const orderIds = Array.from({ length: Number(orderCount) }, (_, i) => BigInt(i + 1));
  const draws = await client.getLogs({ address: deployments.DisputeCourt, event: drawn, fromBlock: BigInt(deployments.deployBlock) });
  const duties = [...new Map(draws.map((l) => [`${l.args.disputeId}:${l.args.round}:${l.args.juror}`, l.args])).values()].map((a) => ({
    disputeId: a.disputeId!,
    round: a.round!,
    juror: a.juror!,
  }));

  const call = { address: deployments.ActivityCreditor, abi: activityCreditorAbi, functionName: 'creditAll', args: [orderIds, orderIds, duties] } as const;
  const { result: credited } = await client.simulateContract({ ...call, account });
  if (credited === 0n) {
    log('  activity: nothing to credit');
    return { credited };
  }
  const hash = await wallet.writeContract(call);
  const receipt = await client.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success') throw new Error(`crediting activity: transaction ${hash} reverted`);
  log(`  activity: credited ${credited} pieces of work (${orderIds.length} orders and ${duties.length} jury duties looked at)`);
  return { credited };
}
