// Which of a seller's orders wait for delivery — derived from chain state on every call: the
// OrderPlaced logs naming the seller (read incrementally; the memory is only a cache of logs that
// a restart rebuilds from the deploy block) and the orders' current state from getOrders. An order
// leaves the set as soon as its state is anything but Ordered, so a delivered, cancelled or
// refunded order is never worked on again, whoever changed it.
import type { Address } from 'viem';
import { marketplaceAbi } from '../../lib/generated/abis';
import { orderFromRaw, type Order } from '../../lib/market';
import type { AgentPublicClient } from '../runtime';

export interface OpenOrder {
  order: Order;
  requestURI: string;
}

/** Most blocks per eth_getLogs call (public RPCs cap the range). */
const LOG_RANGE = 10_000n;
/** Most ids per getOrders call (Marketplace.MAX_PAGE_SIZE). */
const ORDERS_PAGE = 500;

export class OpenOrderWatch {
  private nextBlock: bigint;
  /** Hash of block nextBlock − 1 when it was scanned: if it changes, the chain was rewound or reorganized. */
  private lastScannedHash: `0x${string}` | null = null;
  private readonly requests = new Map<bigint, string>();

  constructor(
    private readonly client: AgentPublicClient,
    private readonly market: Address,
    private readonly seller: Address,
    private readonly fromBlock: bigint,
  ) {
    this.nextBlock = fromBlock;
  }

  /** The seller's orders in state Ordered, oldest first. */
  async open(): Promise<OpenOrder[]> {
    const latest = await this.client.getBlockNumber({ cacheTime: 0 });
    if (!(await this.stillCanonical(latest))) this.reset();
    while (this.nextBlock <= latest) {
      const toBlock = this.nextBlock + LOG_RANGE - 1n < latest ? this.nextBlock + LOG_RANGE - 1n : latest;
      const logs = await this.client.getContractEvents({
        address: this.market,
        abi: marketplaceAbi,
        eventName: 'OrderPlaced',
        args: { seller: this.seller },
        fromBlock: this.nextBlock,
        toBlock,
      });
      for (const log of logs) {
        if (log.args.orderId !== undefined) this.requests.set(log.args.orderId, log.args.requestURI ?? '');
      }
      this.nextBlock = toBlock + 1n;
      this.lastScannedHash = (await this.client.getBlock({ blockNumber: toBlock })).hash;
    }

    const ids = [...this.requests.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const open: OpenOrder[] = [];
    for (let i = 0; i < ids.length; i += ORDERS_PAGE) {
      const page = ids.slice(i, i + ORDERS_PAGE);
      const raws = await this.client.readContract({ address: this.market, abi: marketplaceAbi, functionName: 'getOrders', args: [page] });
      raws.forEach((raw, j) => {
        const id = page[j]!;
        const order = orderFromRaw(id, raw);
        if (order.state === 'ordered' && order.seller.toLowerCase() === this.seller.toLowerCase()) open.push({ order, requestURI: this.requests.get(id)! });
        else this.requests.delete(id);
      });
    }
    return open;
  }

  /** Whether the last scanned block is still on the chain (anvil may restart from an older state). */
  private async stillCanonical(latest: bigint): Promise<boolean> {
    if (this.lastScannedHash === null) return true;
    const scanned = this.nextBlock - 1n;
    if (scanned > latest) return false;
    return (await this.client.getBlock({ blockNumber: scanned })).hash === this.lastScannedHash;
  }

  private reset(): void {
    this.requests.clear();
    this.nextBlock = this.fromBlock;
    this.lastScannedHash = null;
  }
}
