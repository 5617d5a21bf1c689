// The local dev wallet: an EIP-1193 provider that holds one of anvil's well-known test keys and
// signs in the browser (viem local account), forwarding reads to the chain's RPC. Used only on
// the local chain, through wagmi's `injected` connector, so it behaves like a browser wallet:
// no accounts until the person connects, remembered across reloads until they disconnect.
import { createWalletClient, http, numberToHex, type EIP1193Provider, type Hex, type TransactionRequest } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import type { Chain } from 'viem';
import type { DevAccount } from '@/lib/devAccounts';

type Listener = (...args: unknown[]) => void;

class ProviderRpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

interface RpcTransaction {
  from?: Hex;
  to?: Hex;
  data?: Hex;
  value?: Hex;
  gas?: Hex;
  nonce?: Hex;
}

export function createDevProvider(devAccount: DevAccount, chain: Chain): EIP1193Provider {
  const account = privateKeyToAccount(devAccount.privateKey);
  const rpcUrl = chain.rpcUrls.default.http[0]!;
  const wallet = createWalletClient({ account, chain, transport: http(rpcUrl) });
  const storageKey = `oso.devwallet.${devAccount.index}.authorized`;
  const listeners = new Map<string, Set<Listener>>();
  const authorized = () => window.localStorage.getItem(storageKey) === '1';
  const emit = (event: string, ...args: unknown[]) => listeners.get(event)?.forEach((listener) => listener(...args));
  let nextId = 1;

  async function forward(method: string, params: unknown): Promise<unknown> {
    const response = await fetch(rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: nextId++, method, params: params ?? [] }),
    });
    const body = (await response.json()) as { result?: unknown; error?: { code: number; message: string; data?: unknown } };
    if (body.error) throw Object.assign(new ProviderRpcError(body.error.code, body.error.message), { data: body.error.data });
    return body.result;
  }

  const provider = {
    async request({ method, params }: { method: string; params?: unknown }): Promise<unknown> {
      const list = (params ?? []) as unknown[];
      switch (method) {
        case 'eth_requestAccounts':
          window.localStorage.setItem(storageKey, '1');
          emit('connect', { chainId: numberToHex(chain.id) });
          return [account.address];
        case 'eth_accounts':
          return authorized() ? [account.address] : [];
        case 'eth_chainId':
          return numberToHex(chain.id);
        case 'wallet_requestPermissions':
          window.localStorage.setItem(storageKey, '1');
          return [{ parentCapability: 'eth_accounts' }];
        case 'wallet_revokePermissions':
          window.localStorage.removeItem(storageKey);
          emit('accountsChanged', []);
          return null;
        case 'wallet_switchEthereumChain': {
          const wanted = (list[0] as { chainId?: string } | undefined)?.chainId;
          if (wanted && Number(wanted) !== chain.id) throw new ProviderRpcError(4902, `The dev wallet only knows chain ${chain.id}.`);
          return null;
        }
        case 'eth_sendTransaction': {
          if (!authorized()) throw new ProviderRpcError(4100, 'The dev wallet is not connected.');
          const tx = list[0] as RpcTransaction;
          const request: TransactionRequest = {
            to: tx.to,
            data: tx.data,
            value: tx.value ? BigInt(tx.value) : undefined,
            gas: tx.gas ? BigInt(tx.gas) : undefined,
            nonce: tx.nonce ? Number(tx.nonce) : undefined,
          };
          return wallet.sendTransaction({ ...request, account, chain } as Parameters<typeof wallet.sendTransaction>[0]);
        }
        case 'personal_sign':
          return account.signMessage({ message: { raw: list[0] as Hex } });
        case 'eth_signTypedData_v4':
          return account.signTypedData(JSON.parse(list[1] as string) as Parameters<typeof account.signTypedData>[0]);
        default:
          return forward(method, params);
      }
    },
    on(event: string, listener: Listener) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(listener);
    },
    removeListener(event: string, listener: Listener) {
      listeners.get(event)?.delete(listener);
    },
  };
  return provider as unknown as EIP1193Provider;
}
