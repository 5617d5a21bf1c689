'use client';
// The wallet stack, loaded on demand by WalletLoader: wagmi + RainbowKit with injected (EIP-6963)
// wallets, WalletConnect only when a project id is configured, and on the local chain a dev wallet
// per anvil test account (see devProvider.ts).
import '@rainbow-me/rainbowkit/styles.css';
import { ConnectButton, RainbowKitProvider, connectorsForWallets, lightTheme, useConnectModal, type Wallet, type WalletList } from '@rainbow-me/rainbowkit';
import { injectedWallet, walletConnectWallet } from '@rainbow-me/rainbowkit/wallets';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { http, type Chain } from 'viem';
import { WagmiProvider, createConfig, createConnector, useAccountEffect, type Config } from 'wagmi';
import { injected } from 'wagmi/connectors';
import { createDevProvider } from './devProvider';
import { toViemChain, type PublicChainConfig } from '@/lib/chain';
import { devAccounts, type DevAccount } from '@/lib/devAccounts';
import { shortAddress } from '@/lib/format';
import { CONNECTED_FLAG, useWalletLoader } from './WalletLoader';

const devIcon =
  'data:image/svg+xml,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 28 28"><rect width="28" height="28" rx="6" fill="#1e40af"/><text x="14" y="19" font-family="monospace" font-size="12" fill="#fff" text-anchor="middle">dev</text></svg>',
  );

function devWallet(account: DevAccount, chain: Chain): () => Wallet {
  const id = `oso-dev-${account.index}`;
  const name = `Dev account #${account.index}${account.index === 0 ? ' (admin)' : ''} ${shortAddress(account.address)}`;
  return () => ({
    id,
    name,
    shortName: `Dev #${account.index}`,
    iconUrl: devIcon,
    iconBackground: '#1e40af',
    installed: true,
    createConnector: (details) =>
      createConnector((config) => ({
        ...injected({ target: { id, name, provider: createDevProvider(account, chain) }, shimDisconnect: true })(config),
        ...details,
      })),
  });
}

export function makeWagmiConfig(config: PublicChainConfig): Config {
  const chain = toViemChain(config);
  const browserWallets: WalletList[number]['wallets'] = [injectedWallet];
  if (config.walletConnectProjectId) browserWallets.push(walletConnectWallet);
  const groups: WalletList = [{ groupName: 'Browser wallets', wallets: browserWallets }];
  if (config.isLocal) groups.push({ groupName: 'Local dev accounts', wallets: devAccounts.map((account) => devWallet(account, chain)) });
  const connectors = connectorsForWallets(groups, {
    appName: 'OSO — Open Source Organization',
    // RainbowKit requires a string; without a configured id no WalletConnect connector exists.
    projectId: config.walletConnectProjectId ?? 'walletconnect-disabled',
  });
  return createConfig({
    chains: [chain],
    transports: { [chain.id]: http(config.rpcUrl) },
    connectors,
    multiInjectedProviderDiscovery: true,
    ssr: false,
  });
}

function RememberConnection() {
  useAccountEffect({
    onConnect: () => window.localStorage.setItem(CONNECTED_FLAG, '1'),
    onDisconnect: () => window.localStorage.removeItem(CONNECTED_FLAG),
  });
  return null;
}

function OpenConnectModalWhenAsked() {
  const { connectRequested, clearConnectRequest } = useWalletLoader();
  const { openConnectModal } = useConnectModal();
  useEffect(() => {
    if (connectRequested && openConnectModal) {
      openConnectModal();
      clearConnectRequest();
    }
  }, [connectRequested, openConnectModal, clearConnectRequest]);
  return null;
}

export function WalletProviders({ config, children }: { config: PublicChainConfig; children: ReactNode }) {
  const [wagmiConfig] = useState(() => makeWagmiConfig(config));
  const [queryClient] = useState(() => new QueryClient());
  return (
    <WagmiProvider config={wagmiConfig}>
      <QueryClientProvider client={queryClient}>
        <RainbowKitProvider theme={lightTheme({ accentColor: '#1e40af' })} initialChain={wagmiConfig.chains[0]}>
          <RememberConnection />
          <OpenConnectModalWhenAsked />
          {children}
        </RainbowKitProvider>
      </QueryClientProvider>
    </WagmiProvider>
  );
}

/** The header button once the wallet stack is loaded: connect, wrong network, or the account. */
export function WalletButton() {
  return (
    <ConnectButton.Custom>
      {({ account, chain, openAccountModal, openChainModal, openConnectModal, mounted }) => {
        if (!mounted) return null;
        if (!account || !chain) {
          return (
            <button type="button" className="btn-primary" onClick={openConnectModal}>
              Connect wallet
            </button>
          );
        }
        if (chain.unsupported) {
          return (
            <button type="button" className="btn-danger" onClick={openChainModal}>
              Wrong network — switch
            </button>
          );
        }
        return (
          <button type="button" className="btn-secondary" onClick={openAccountModal} data-testid="account-button">
            <span className="font-mono">{account.displayName}</span>
            {account.displayBalance ? <span className="text-slate-600">{account.displayBalance}</span> : null}
          </button>
        );
      }}
    </ConnectButton.Custom>
  );
}
