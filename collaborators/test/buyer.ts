// A test buyer: stores a request document and orders a service with it, then reads deliveries.
import { createPublicClient, createWalletClient, http, type Hex, type PublicClient } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { toViemChain, type Deployments } from '../../lib/chain';
import { marketplaceAbi } from '../../lib/generated/abis';
import { createContentClient } from '../runtime';

export interface Delivery {
  orderId: bigint;
  resultURI: string;
  resultHash: Hex;
  blockNumber: bigint;
}

export function testBuyer(rpcUrl: string, deployments: Deployments, contentUrl: string, key: Hex) {
  const chain = toViemChain({ chainId: deployments.chainId, chainName: 'test', rpcUrl, explorerUrl: null });
  const transport = http(rpcUrl, { retryCount: 0 });
  const client: PublicClient = createPublicClient({ chain, transport, pollingInterval: 100 });
  const wallet = createWalletClient({ chain, transport, account: privateKeyToAccount(key) });
  const market = { address: deployments.Marketplace, abi: marketplaceAbi } as const;
  const content = createContentClient(contentUrl);
  return {
    client,
    content,
    /** Orders `serviceId` with `request` as a text/plain (or given type) document; returns the order id and its block. */
    async order(serviceId: bigint, request: string, type: 'text/plain' | 'application/json' = 'text/plain'): Promise<{ orderId: bigint; blockNumber: bigint; requestURI: string }> {
      return this.orderStored(serviceId, await content.putDocument(request, type));
    },
    /** Orders `serviceId` with a request document already stored at `requestURI`. */
    async orderStored(serviceId: bigint, requestURI: string): Promise<{ orderId: bigint; blockNumber: bigint; requestURI: string }> {
      const service = await client.readContract({ ...market, functionName: 'getService', args: [serviceId] });
      const { request: tx, result: orderId } = await client.simulateContract({ ...market, account: wallet.account, functionName: 'order', args: [serviceId, requestURI], value: service.price });
      const receipt = await client.waitForTransactionReceipt({ hash: await wallet.writeContract(tx) });
      if (receipt.status !== 'success') throw new Error('order reverted');
      return { orderId, blockNumber: receipt.blockNumber, requestURI };
    },
    /** Every OrderDelivered event so far (a correct agent emits exactly one per order). */
    async deliveries(): Promise<Delivery[]> {
      const logs = await client.getContractEvents({ ...market, eventName: 'OrderDelivered', fromBlock: BigInt(deployments.deployBlock) });
      return logs.map((log) => ({ orderId: log.args.orderId!, resultURI: log.args.resultURI!, resultHash: log.args.resultHash!, blockNumber: log.blockNumber }));
    },
    /** The seller's services by title. */
    async servicesOf(seller: Hex): Promise<Map<string, bigint>> {
      const ids = await client.readContract({ ...market, functionName: 'servicesOf', args: [seller] });
      const services = await Promise.all(ids.map((id) => client.readContract({ ...market, functionName: 'getService', args: [id] })));
      return new Map(services.map((s) => [s.title, s.id]));
    },
  };
}
