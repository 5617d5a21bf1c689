'use client';
// What a form shows in place of its submit button when the wallet is not ready to send.
import { useConnectModal } from '@rainbow-me/rainbowkit';
import { useAccount, useSwitchChain } from 'wagmi';
import { useWalletLoader } from '../wallet/WalletLoader';

/** Null when connected to the right chain; otherwise a prompt to connect or switch. */
export function WalletStatus() {
  const { config } = useWalletLoader();
  const { address, chainId } = useAccount();
  const { openConnectModal } = useConnectModal();
  const { switchChain, isPending } = useSwitchChain();
  if (!config) return null;
  if (!address) {
    return (
      <div className="rounded-lg border border-slate-200 bg-slate-50 p-3 text-sm">
        <p>Connect a wallet to send this transaction.</p>
        <button type="button" className="btn-primary mt-2" onClick={openConnectModal}>
          Connect wallet
        </button>
      </div>
    );
  }
  if (chainId !== config.chainId) {
    return (
      <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
        <p>Your wallet is on another network. OSO runs on {config.chainName}.</p>
        <button type="button" className="btn-primary mt-2" disabled={isPending} onClick={() => switchChain({ chainId: config.chainId })}>
          Switch to {config.chainName}
        </button>
      </div>
    );
  }
  return null;
}
