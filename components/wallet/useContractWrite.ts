'use client';
// Sends a transaction to one of OSO's modules the way every write goes: check the network,
// simulate (so a revert is explained before anything is signed), sign, wait for the receipt,
// then refresh the server-rendered view. Progress and failures are shown as toasts.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { ContractFunctionArgs, ContractFunctionName, TransactionReceipt } from 'viem';
import { useAccount, usePublicClient, useWriteContract } from 'wagmi';
import { useToast } from '@/components/Toaster';
import { describeError, type DescribedError } from '@/lib/errors';
import type { ModuleName } from '@/lib/chain';
import { moduleAbis } from '@/lib/modules';
import { useWalletLoader } from './WalletLoader';

type Abis = typeof moduleAbis;
type WriteName<M extends ModuleName> = ContractFunctionName<Abis[M], 'nonpayable' | 'payable'>;

export interface WriteRequest<M extends ModuleName, N extends WriteName<M>> {
  module: M;
  functionName: N;
  args: ContractFunctionArgs<Abis[M], 'nonpayable' | 'payable', N>;
  value?: bigint;
  /** What the action is called in toasts, like "Join". */
  label: string;
  /** Gas to add to the estimate, for calls whose cost depends on what happens in their block
   * (the court's juror draw depends on the block's randomness, so an estimate can fall short). */
  gasExtra?: bigint;
}

export type WriteOutcome = { ok: true; receipt: TransactionReceipt } | { ok: false; error: DescribedError };

export function useContractWrite() {
  const { config } = useWalletLoader();
  const { address, chainId } = useAccount();
  const publicClient = usePublicClient({ chainId: config?.chainId });
  const { writeContractAsync } = useWriteContract();
  const toast = useToast();
  const router = useRouter();
  const [busy, setBusy] = useState(false);

  async function send<M extends ModuleName, N extends WriteName<M>>(request: WriteRequest<M, N>): Promise<WriteOutcome> {
    const fail = (error: DescribedError, id?: number): WriteOutcome => {
      const title = error.kind === 'cancelled' ? `${request.label} cancelled` : `${request.label} failed`;
      const toastBody = { kind: error.kind === 'cancelled' ? ('info' as const) : ('error' as const), title, detail: error.message };
      if (id === undefined) toast.show(toastBody);
      else toast.update(id, toastBody);
      return { ok: false, error };
    };
    if (!config || !publicClient) return fail({ kind: 'failed', message: 'The app has no deployment configured.' });
    if (!address) return fail({ kind: 'failed', message: 'Connect a wallet first.' });
    if (chainId !== config.chainId) {
      return fail({ kind: 'failed', message: `Your wallet is on another network. Switch to ${config.chainName} first.` });
    }
    setBusy(true);
    const id = toast.show({ kind: 'pending', title: `${request.label}: confirm in your wallet…` });
    try {
      const contract = { address: config.deployments[request.module], abi: moduleAbis[request.module] };
      // Simulation decodes a revert into our custom error before the wallet is asked to sign.
      const { request: simulated } = await publicClient.simulateContract({
        ...contract,
        functionName: request.functionName,
        args: request.args,
        value: request.value,
        account: address,
      } as Parameters<typeof publicClient.simulateContract>[0]);
      let gas: bigint | undefined;
      if (request.gasExtra) {
        gas =
          (await publicClient.estimateContractGas({
            ...contract,
            functionName: request.functionName,
            args: request.args,
            value: request.value,
            account: address,
          } as Parameters<typeof publicClient.estimateContractGas>[0])) + request.gasExtra;
      }
      const hash = await writeContractAsync({ ...simulated, ...(gas ? { gas } : {}) } as Parameters<typeof writeContractAsync>[0]);
      toast.update(id, { kind: 'pending', title: `${request.label}: waiting for confirmation…`, detail: `Transaction ${hash}` });
      const receipt = await publicClient.waitForTransactionReceipt({ hash });
      if (receipt.status !== 'success') {
        return fail({ kind: 'reverted', message: 'The transaction was reverted on chain.' }, id);
      }
      toast.update(id, { kind: 'success', title: `${request.label} confirmed`, detail: `In block ${receipt.blockNumber}.` });
      router.refresh();
      return { ok: true, receipt };
    } catch (error) {
      return fail(describeError(error), id);
    } finally {
      setBusy(false);
    }
  }

  return { send, busy, address, wrongChain: !!address && chainId !== config?.chainId };
}
