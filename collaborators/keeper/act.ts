// Sends one planned keeper action. Each is simulated first: a revert (someone else released,
// refunded or advanced first; a proposal executed by a person) is logged and skipped, never fatal.
// An unreachable RPC is rethrown so the runtime backs off and retries the whole tick.
import { BaseError, ContractFunctionRevertedError, type Hash } from 'viem';
import { councilGovernorAbi, disputeCourtAbi, marketplaceAbi } from '../../lib/generated/abis';
import { isUnreachable, shortMessage, type AgentContext } from '../runtime';
import { activityCreditorCall } from './credit';
import { describeKeeperAction, type KeeperAction } from './plan';

export type ActionOutcome = 'done' | 'skipped';

/** The custom error a simulation reverted with, e.g. "WrongState", or null. */
export function revertReason(error: unknown): string | null {
  if (!(error instanceof BaseError)) return null;
  const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError);
  if (!(reverted instanceof ContractFunctionRevertedError)) return null;
  return reverted.data?.errorName ?? reverted.reason ?? 'reverted';
}

export async function sendKeeperAction(ctx: AgentContext, action: KeeperAction): Promise<ActionOutcome> {
  const label = describeKeeperAction(action);
  let hash: Hash;
  try {
    hash = await submit(ctx, action);
  } catch (error) {
    if (isUnreachable(error)) throw error;
    ctx.log.info('action.skipped', { action: label, reason: revertReason(error) ?? shortMessage(error) });
    return 'skipped';
  }
  try {
    await ctx.confirm(hash, label);
  } catch (error) {
    if (isUnreachable(error)) throw error;
    // Mined but reverted (someone acted in the same block), or no receipt in time.
    ctx.log.warn('action.failed', { action: label, hash, error: shortMessage(error) });
    return 'skipped';
  }
  return 'done';
}

async function submit(ctx: AgentContext, action: KeeperAction): Promise<Hash> {
  const { publicClient, walletClient, account, deployments } = ctx;
  switch (action.kind) {
    case 'release':
    case 'refund': {
      const { request } = await publicClient.simulateContract({ account, address: deployments.Marketplace, abi: marketplaceAbi, functionName: action.kind, args: [action.orderId] });
      return walletClient.writeContract(request);
    }
    case 'advance': {
      const call = { account, address: deployments.DisputeCourt, abi: disputeCourtAbi, functionName: 'advance', args: [action.disputeId] } as const;
      const { request } = await publicClient.simulateContract(call);
      const gas = action.extraGas > 0n ? (await publicClient.estimateContractGas(call)) + action.extraGas : undefined;
      return walletClient.writeContract({ ...request, ...(gas ? { gas } : {}) });
    }
    case 'queue':
    case 'execute': {
      const p = action.proposal;
      const { request } = await publicClient.simulateContract({
        account,
        address: p.governor,
        abi: councilGovernorAbi,
        functionName: action.kind,
        args: [[...p.targets], [...p.values], [...p.calldatas], p.descriptionHash],
      });
      return walletClient.writeContract(request);
    }
    case 'credit': {
      const { request } = await publicClient.simulateContract({ account, ...activityCreditorCall(deployments, action) });
      return walletClient.writeContract(request);
    }
  }
}
