// Wallet helpers for the browser: the local dev wallet, and an injected EIP-1193 test provider.
import { expect, type Page } from '@playwright/test';
import { rpcUrl } from './chain';

/** Opens the connect dialog from the header and picks dev account `index`. */
export async function connectDevWallet(page: Page, index: number): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: 'Connect wallet' }).click();
  await page.getByRole('button', { name: new RegExp(`Dev account #${index}\\b`) }).click();
  await expect(page.getByTestId('account-button')).toBeVisible();
}

export interface InjectedOptions {
  address: string;
  /** Chain id the wallet starts on (hex). */
  chainId: string;
  /** Refuse eth_sendTransaction as a person pressing "Reject" would. */
  rejectTransactions?: boolean;
}

/**
 * Installs window.ethereum before the app loads: answers accounts and chain itself, forwards
 * everything else to anvil. eth_accounts is empty until eth_requestAccounts, like a real wallet.
 */
export async function installInjectedWallet(page: Page, options: InjectedOptions): Promise<void> {
  await page.addInitScript(
    ({ address, chainId, rejectTransactions, rpc }) => {
      let connected = false;
      let currentChain = chainId;
      const listeners = new Map<string, Set<(value: unknown) => void>>();
      const emit = (event: string, value: unknown) => listeners.get(event)?.forEach((fn) => fn(value));
      const provider = {
        isMetaMask: false,
        async request({ method, params }: { method: string; params?: unknown[] }): Promise<unknown> {
          switch (method) {
            case 'eth_requestAccounts':
              connected = true;
              emit('accountsChanged', [address]);
              return [address];
            case 'eth_accounts':
              return connected ? [address] : [];
            case 'eth_chainId':
              return currentChain;
            case 'wallet_switchEthereumChain': {
              currentChain = (params?.[0] as { chainId: string }).chainId;
              emit('chainChanged', currentChain);
              return null;
            }
            case 'wallet_requestPermissions':
              connected = true;
              return [{ parentCapability: 'eth_accounts' }];
            case 'wallet_revokePermissions':
              connected = false;
              return null;
            case 'eth_sendTransaction':
              if (rejectTransactions) throw Object.assign(new Error('User rejected the request.'), { code: 4001 });
              break;
          }
          const response = await fetch(rpc, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ jsonrpc: '2.0', id: Date.now(), method, params: params ?? [] }),
          });
          const body = (await response.json()) as { result?: unknown; error?: { code: number; message: string; data?: unknown } };
          if (body.error) throw Object.assign(new Error(body.error.message), body.error);
          return body.result;
        },
        on(event: string, fn: (value: unknown) => void) {
          if (!listeners.has(event)) listeners.set(event, new Set());
          listeners.get(event)!.add(fn);
        },
        removeListener(event: string, fn: (value: unknown) => void) {
          listeners.get(event)?.delete(fn);
        },
      };
      Object.defineProperty(window, 'ethereum', { value: provider, configurable: true });
      // Lets a test switch networks "in the wallet", as a person would in its own UI.
      Object.defineProperty(window, '__setWalletChain', {
        value: (id: string) => {
          currentChain = id;
          emit('chainChanged', id);
        },
      });
    },
    { ...options, rejectTransactions: options.rejectTransactions ?? false, rpc: rpcUrl },
  );
}

/** Switches the injected test wallet to another chain from "inside the wallet". */
export async function switchInjectedWalletChain(page: Page, chainId: string): Promise<void> {
  await page.evaluate((id) => (window as unknown as { __setWalletChain(id: string): void }).__setWalletChain(id), chainId);
}
