// Marketplace, reputation and certificate records in app form, shared by server and browser.
import type { Address, Hex } from 'viem';

export const ORDER_STATES = ['none', 'ordered', 'delivered', 'settled', 'refunded', 'disputed', 'ruled'] as const;
export type OrderStateKey = (typeof ORDER_STATES)[number];
export const ORDER_STATE_LABELS: Record<OrderStateKey, string> = {
  none: 'Unknown',
  ordered: 'Ordered',
  delivered: 'Delivered',
  settled: 'Settled',
  refunded: 'Refunded',
  disputed: 'Disputed',
  ruled: 'Ruled',
};
export const RULING_LABELS = ['Refused (split)', 'For the buyer', 'For the seller'] as const;
export const CERTIFICATE_LEVELS = ['', 'Bronze', 'Silver', 'Gold'] as const;

export interface Service {
  id: bigint;
  seller: Address;
  deliveryWindow: number;
  price: bigint;
  active: boolean;
  title: string;
  metadataURI: string;
}

export interface Order {
  id: bigint;
  buyer: Address;
  seller: Address;
  orderedAt: number;
  deliverBy: number;
  deliveredAt: number;
  reviewWindow: number;
  state: OrderStateKey;
  ruling: number;
  feeBps: number;
  price: bigint;
  serviceId: bigint;
  resultHash: Hex;
}

export interface RawOrder {
  buyer: Address;
  orderedAt: number;
  deliverBy: number;
  state: number;
  ruling: number;
  seller: Address;
  deliveredAt: number;
  reviewWindow: number;
  feeBps: number;
  price: bigint;
  serviceId: bigint;
  resultHash: Hex;
}

export function orderFromRaw(id: bigint, raw: RawOrder): Order {
  return {
    id,
    buyer: raw.buyer,
    seller: raw.seller,
    orderedAt: Number(raw.orderedAt),
    deliverBy: Number(raw.deliverBy),
    deliveredAt: Number(raw.deliveredAt),
    reviewWindow: Number(raw.reviewWindow),
    state: ORDER_STATES[raw.state] ?? 'none',
    ruling: raw.ruling,
    feeBps: raw.feeBps,
    price: raw.price,
    serviceId: raw.serviceId,
    resultHash: raw.resultHash,
  };
}

/** When the buyer's review window of a delivered order ends (0 before delivery). */
export function reviewEndsAt(order: Order): number {
  return order.deliveredAt === 0 ? 0 : order.deliveredAt + order.reviewWindow;
}

/** What `account` may do with `order` at chain time `now`, mirroring the Marketplace's rules. */
export function allowedActions(order: Order, account: Address | undefined, now: number) {
  const me = account?.toLowerCase();
  const isBuyer = me === order.buyer.toLowerCase();
  const isSeller = me === order.seller.toLowerCase();
  const reviewEnd = reviewEndsAt(order);
  return {
    deliver: order.state === 'ordered' && isSeller && now <= order.deliverBy,
    cancel: order.state === 'ordered' && isSeller,
    refund: order.state === 'ordered' && now > order.deliverBy,
    accept: order.state === 'delivered' && isBuyer,
    dispute: order.state === 'delivered' && isBuyer && now < reviewEnd,
    release: order.state === 'delivered' && now >= reviewEnd,
    rate: isBuyer && (order.state === 'settled' || (order.state === 'ruled' && order.ruling === 2)),
  };
}
