'use client';
// The header's wallet button. Before the wallet stack is loaded it is a plain button that loads it.
import { useWalletLoader } from './WalletLoader';

export function ConnectButton() {
  const { module, load, config } = useWalletLoader();
  if (module) return <module.WalletButton />;
  return (
    <button type="button" className="btn-primary" disabled={!config} onClick={() => load({ connect: true })}>
      Connect wallet
    </button>
  );
}
