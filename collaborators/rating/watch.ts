// The sampled deliveries the rating agent audits, derived from chain state: OrderPlaced and
// OrderDelivered logs (read incrementally; a restart rebuilds them from the deploy block) and the
// orders' current state. An order is ready for audit once it is finished with its delivery in
// place: Settled (accepted or released) or Ruled by the court.
import type { Address, Hex } from 'viem';
import { marketplaceAbi } from '../../lib/generated/abis';
import { orderFromRaw } from '../../lib/market';
import type { AgentPublicClient } from '../runtime';
import { blockRanges } from '../runtime/blockRanges';
import { isSampled } from './rules';

export interface DeliveredOrder {
  id: bigint;
  seller: Address;
  serviceId: bigint;
  requestURI: string;
  resultURI: string;
  resultHash: Hex;
}

/** Marketplace.MAX_PAGE_SIZE. */
const ORDERS_PAGE = 500;

export class SampledDeliveries {
  private nextBlock: bigint;
  private readonly placed = new Map<bigint, { seller: Address; serviceId: bigint; requestURI: string }>();
  /** Sampled deliveries whose order is not finished yet. */
  private readonly waiting = new Map<bigint, DeliveredOrder>();

  constructor(
    private readonly client: AgentPublicClient,
    private readonly market: Address,
    fromBlock: bigint,
    private readonly sampleRateBps: number,
  ) {
    this.nextBlock = fromBlock;
  }

  /** Sampled deliveries whose order is now finished (each returned once per process). */
  async finished(): Promise<DeliveredOrder[]> {
    await this.scan();
    const ids = [...this.waiting.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const done: DeliveredOrder[] = [];
    for (let i = 0; i < ids.length; i += ORDERS_PAGE) {
      const page = ids.slice(i, i + ORDERS_PAGE);
      const raws = await this.client.readContract({ address: this.market, abi: marketplaceAbi, functionName: 'getOrders', args: [page] });
      raws.forEach((raw, j) => {
        const order = orderFromRaw(page[j]!, raw);
        if (order.state !== 'settled' && order.state !== 'ruled') return;
        done.push({ ...this.waiting.get(order.id)!, resultHash: order.resultHash });
        this.waiting.delete(order.id);
      });
    }
    return done;
  }

  private async scan(): Promise<void> {
    const latest = await this.client.getBlockNumber();
    for (const slice of blockRanges(this.nextBlock, latest)) {
      const range = { ...slice, strict: true } as const;
      const [placed, delivered] = await Promise.all([
        this.client.getContractEvents({ address: this.market, abi: marketplaceAbi, eventName: 'OrderPlaced', ...range }),
        this.client.getContractEvents({ address: this.market, abi: marketplaceAbi, eventName: 'OrderDelivered', ...range }),
      ]);
      for (const { args } of placed) this.placed.set(args.orderId, { seller: args.seller, serviceId: args.serviceId, requestURI: args.requestURI });
      for (const { args } of delivered) {
        const order = this.placed.get(args.orderId);
        if (!order || !isSampled(args.orderId, this.sampleRateBps)) continue;
        this.waiting.set(args.orderId, { id: args.orderId, ...order, resultURI: args.resultURI, resultHash: args.resultHash });
      }
      this.nextBlock = slice.toBlock + 1n;
    }
  }
}
