'use client';
// The connected account's orders as buyer and as seller, read from the Marketplace's indexed
// OrderPlaced events and one batched getOrders call, with the actions the contract allows now.
import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { getAbiItem, keccak256, parseEventLogs, toBytes, type Address } from 'viem';
import { useRouter } from 'next/navigation';
import { useAccount, useBlock, usePublicClient } from 'wagmi';
import { Countdown, useBlockSeenAt } from '../Countdown';
import { DocumentLink } from '../DocumentLink';
import { EvidenceFields, emptyEvidence, evidenceUri, type EvidenceState } from '../court/EvidenceFields';
import { useToast } from '../Toaster';
import { useContractWrite } from '../wallet/useContractWrite';
import { useWalletLoader } from '../wallet/WalletLoader';
import { DeliveredResult } from './DeliveredResult';
import { WalletStatus } from './WalletStatus';
import { DocumentError, publishDocument } from '@/lib/documents';
import { formatDateTime, formatDuration, formatEth, shortAddress } from '@/lib/format';
import { ORDER_STATE_LABELS, RULING_LABELS, allowedActions, orderFromRaw, reviewEndsAt, type Order } from '@/lib/market';
import { moduleAbis } from '@/lib/modules';

interface OrderRow extends Order {
  requestURI: string;
  resultURI: string | null;
  rated: boolean;
  /** The court's dispute id once disputed. */
  disputeId: bigint | null;
}

const placed = moduleAbis.Marketplace.find((e) => e.type === 'event' && e.name === 'OrderPlaced')!;
const delivered = moduleAbis.Marketplace.find((e) => e.type === 'event' && e.name === 'OrderDelivered')!;
const disputed = getAbiItem({ abi: moduleAbis.Marketplace, name: 'OrderDisputed' });

export default function Orders() {
  const { config } = useWalletLoader();
  const { address } = useAccount();
  const client = usePublicClient({ chainId: config?.chainId });
  const block = useBlock({ watch: true, chainId: config?.chainId });
  const market = config?.deployments.Marketplace;
  const reputation = config?.deployments.Reputation;
  const seenAt = useBlockSeenAt(block.data?.number ?? undefined);

  const orders = useQuery({
    queryKey: ['orders', address, market, block.data?.number?.toString()],
    enabled: !!address && !!client && !!market && !!reputation,
    placeholderData: (previous) => previous,
    queryFn: async (): Promise<OrderRow[]> => {
      if (!address || !client || !market || !reputation) return [];
      const fromBlock = BigInt(config.deployments.deployBlock);
      const [asBuyer, asSeller] = await Promise.all([
        client.getLogs({ address: market, event: placed, args: { buyer: address }, fromBlock }),
        client.getLogs({ address: market, event: placed, args: { seller: address }, fromBlock }),
      ]);
      const logs = [...asBuyer, ...asSeller];
      if (logs.length === 0) return [];
      const ids = logs.map((l) => l.args.orderId!);
      const [raws, deliveries, disputes, rated] = await Promise.all([
        client.readContract({ address: market, abi: moduleAbis.Marketplace, functionName: 'getOrders', args: [ids] }),
        client.getLogs({ address: market, event: delivered, args: { orderId: ids }, fromBlock }),
        client.getLogs({ address: market, event: disputed, args: { orderId: ids }, fromBlock }),
        Promise.all(ids.map((id) => client.readContract({ address: reputation, abi: moduleAbis.Reputation, functionName: 'hasRated', args: [id] }))),
      ]);
      const results = new Map(deliveries.map((d) => [d.args.orderId!.toString(), d.args.resultURI ?? '']));
      const disputeIds = new Map(disputes.map((d) => [d.args.orderId!.toString(), d.args.disputeId!]));
      return raws
        .map((raw, i) => ({
          ...orderFromRaw(ids[i]!, raw),
          requestURI: logs[i]!.args.requestURI ?? '',
          resultURI: results.get(ids[i]!.toString()) ?? null,
          rated: rated[i]!,
          disputeId: disputeIds.get(ids[i]!.toString()) ?? null,
        }))
        .sort((a, b) => Number(b.id - a.id));
    },
  });

  if (!address) return <WalletStatus />;
  if (orders.isError) return <p role="alert" className="text-red-800">The orders could not be read: {orders.error.message}</p>;
  if (!orders.data) return <p className="text-slate-700">Reading your orders…</p>;
  // Chain time: the latest block's, advanced by the wall clock between blocks for the countdowns.
  // What the contract allows is judged at the block's time (the next transaction's block decides).
  const clock: ChainClock = { time: Number(block.data?.timestamp ?? BigInt(Math.floor(seenAt / 1000))), seenAt };
  const mine = (o: OrderRow, who: 'buyer' | 'seller') => o[who].toLowerCase() === address.toLowerCase();
  return (
    <div className="flex flex-col gap-8">
      <WalletStatus />
      <OrderList title="As buyer" orders={orders.data.filter((o) => mine(o, 'buyer'))} account={address} clock={clock} />
      <OrderList title="As seller" orders={orders.data.filter((o) => mine(o, 'seller'))} account={address} clock={clock} />
    </div>
  );
}

interface ChainClock {
  /** The latest block's timestamp. */
  time: number;
  /** When that block was first seen (wall clock, ms). */
  seenAt: number;
}

function OrderList({ title, orders, account, clock }: { title: string; orders: OrderRow[]; account: Address; clock: ChainClock }) {
  return (
    <section aria-label={title} className="flex flex-col gap-3">
      <h2 className="text-xl font-semibold">{title}</h2>
      {orders.length === 0 ? <p className="text-slate-700">No orders.</p> : orders.map((o) => <OrderCard key={String(o.id)} order={o} account={account} clock={clock} />)}
    </section>
  );
}

function Deadline({ label, at, clock }: { label: string; at: number; clock: ChainClock }) {
  return (
    <p className="text-sm text-slate-700" data-testid="deadline">
      {label} {formatDateTime(at)} (<Countdown at={at} chainTime={clock.time} seenAt={clock.seenAt} />)
    </p>
  );
}

function OrderCard({ order: o, account, clock }: { order: OrderRow; account: Address; clock: ChainClock }) {
  const can = allowedActions(o, account, clock.time);
  return (
    <article className="card flex flex-col gap-2" data-testid="order" data-order-id={String(o.id)} data-state={o.state}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-semibold">
          Order #{String(o.id)} · <Link href={`/services/${o.serviceId}`}>service #{String(o.serviceId)}</Link> · {formatEth(o.price, 18)}
        </h3>
        <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-semibold" data-testid="order-state">
          {ORDER_STATE_LABELS[o.state]}
        </span>
      </div>
      <p className="text-sm text-slate-700">
        Buyer <Link href={`/collaborators/${o.buyer}`}>{shortAddress(o.buyer)}</Link> · seller{' '}
        <Link href={`/collaborators/${o.seller}`}>{shortAddress(o.seller)}</Link> · <DocumentLink uri={o.requestURI} label="request" />
        {o.resultURI !== null ? (
          <>
            {' '}
            · <DocumentLink uri={o.resultURI} label="result" />
          </>
        ) : null}
      </p>
      {o.resultURI !== null && o.buyer.toLowerCase() === account.toLowerCase() ? <DeliveredResult uri={o.resultURI} resultHash={o.resultHash} /> : null}
      {o.state === 'ordered' ? <Deadline label="Delivery due by" at={o.deliverBy} clock={clock} /> : null}
      {o.state === 'delivered' ? <Deadline label="Review window ends" at={reviewEndsAt(o)} clock={clock} /> : null}
      {o.disputeId !== null ? (
        <p className="text-sm">
          {o.state === 'ruled' ? `Ruled: ${RULING_LABELS[o.ruling] ?? `ruling ${o.ruling}`} · ` : 'Under dispute · '}
          <Link href={`/disputes/${o.disputeId}`} data-testid="dispute-link">
            Dispute #{String(o.disputeId)}
          </Link>
        </p>
      ) : null}
      <Actions order={o} can={can} />
    </article>
  );
}

function Actions({ order: o, can }: { order: OrderRow; can: ReturnType<typeof allowedActions> }) {
  const { send, busy } = useContractWrite();
  const toast = useToast();
  const [text, setText] = useState('');
  const [stars, setStars] = useState(5);
  // Once the buyer starts a rating (picks stars or writes a review), the form stays until it is
  // submitted, even if the order gets rated meanwhile (another tab): the chain then refuses it with
  // a clear message rather than the form vanishing under the person's hands.
  const [drafting, setDrafting] = useState(false);
  const showRate = can.rate && (!o.rated || drafting);
  const id = o.id;
  const publish = async (content: string, what: string): Promise<string | null> => {
    try {
      return await publishDocument(content, 'text/plain');
    } catch (e) {
      toast.show({ kind: 'error', title: `The ${what} could not be stored`, detail: e instanceof DocumentError ? e.message : String(e) });
      return null;
    }
  };
  const simple = (functionName: 'accept' | 'release' | 'refund' | 'cancel', label: string) => (
    <button type="button" className="btn-secondary" disabled={busy} onClick={() => send({ module: 'Marketplace', functionName, args: [id], label })}>
      {label}
    </button>
  );
  const needsText = can.deliver || showRate;
  return (
    <div className="flex flex-col gap-2">
      {needsText ? (
        <textarea
          aria-label={can.deliver ? 'Result' : 'Review'}
          className="input min-h-20"
          placeholder={can.deliver ? 'The result of the work' : 'Your review (optional for a rating)'}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            if (showRate) setDrafting(true);
          }}
        />
      ) : null}
      <div className="flex flex-wrap gap-2">
        {can.deliver ? (
          <button
            type="button"
            className="btn-primary"
            disabled={busy}
            onClick={async () => {
              if (text.trim() === '') return toast.show({ kind: 'error', title: 'Write the result first' });
              const uri = await publish(text, 'result');
              if (uri) await send({ module: 'Marketplace', functionName: 'deliver', args: [id, uri, keccak256(toBytes(text))], label: 'Deliver' });
            }}
          >
            Deliver
          </button>
        ) : null}
        {can.accept ? simple('accept', 'Accept') : null}
        {can.release ? simple('release', 'Release payment') : null}
        {can.refund ? simple('refund', 'Refund') : null}
        {can.cancel ? simple('cancel', 'Cancel order') : null}
        {showRate ? (
          <>
            <label className="flex items-center gap-2 text-sm">
              Stars
              <select
                className="input w-20"
                value={stars}
                onChange={(e) => {
                  setStars(Number(e.target.value));
                  setDrafting(true);
                }}
                aria-label="Stars"
              >
                {[5, 4, 3, 2, 1].map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              className="btn-primary"
              disabled={busy}
              onClick={async () => {
                const uri = text.trim() === '' ? '' : await publish(text, 'review');
                if (uri === null) return;
                const outcome = await send({ module: 'Reputation', functionName: 'rate', args: [id, stars, uri], label: 'Rate' });
                if (outcome.ok || outcome.error.errorName === 'AlreadyRated') setDrafting(false);
              }}
            >
              Rate
            </button>
          </>
        ) : null}
        {o.rated && !showRate ? <span className="text-sm text-slate-700">Rated.</span> : null}
      </div>
      {can.dispute ? <DisputeForm orderId={id} /> : null}
    </div>
  );
}

/** Dispute a delivery: the reason is the dispute's first evidence; the court's arbitration fee is paid now. */
function DisputeForm({ orderId }: { orderId: bigint }) {
  const { config } = useWalletLoader();
  const client = usePublicClient({ chainId: config?.chainId });
  const { send, busy, address } = useContractWrite();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState<EvidenceState>(emptyEvidence);
  const [error, setError] = useState<string | undefined>();
  const [storing, setStoring] = useState(false);
  const market = config?.deployments.Marketplace;
  // The fee is the Marketplace's arbitrator's (the court), forwarded to it with the dispute.
  const cost = useQuery({
    queryKey: ['arbitrationCost', market],
    enabled: open && !!client && !!market,
    queryFn: async () => {
      const arbitrator = await client!.readContract({ address: market!, abi: moduleAbis.Marketplace, functionName: 'arbitrator' });
      return client!.readContract({ address: arbitrator, abi: moduleAbis.DisputeCourt, functionName: 'arbitrationCost', args: ['0x'] });
    },
  });
  const balance = useQuery({
    queryKey: ['balance', address, open],
    enabled: open && !!client && !!address,
    queryFn: () => client!.getBalance({ address: address! }),
  });
  if (!open) {
    return (
      <button type="button" className="btn-danger self-start" onClick={() => setOpen(true)}>
        Dispute…
      </button>
    );
  }
  return (
    <form
      aria-label="Open a dispute"
      noValidate
      className="flex flex-col gap-3 rounded-lg border border-red-200 bg-red-50/50 p-3"
      onSubmit={async (e) => {
        e.preventDefault();
        if (cost.data === undefined) return setError('The arbitration fee is still being read; try again in a moment.');
        if (balance.data !== undefined && balance.data < cost.data) return setError('Your balance is too low to pay the arbitration fee.');
        setStoring(true);
        const resolved = await evidenceUri(value, 'reason');
        setStoring(false);
        setError(resolved.ok ? undefined : resolved.error);
        if (!resolved.ok) return;
        const outcome = await send({ module: 'Marketplace', functionName: 'dispute', args: [orderId, resolved.uri], value: cost.data, label: 'Dispute' });
        if (!outcome.ok) return;
        const [log] = parseEventLogs({ abi: moduleAbis.Marketplace, logs: outcome.receipt.logs, eventName: 'OrderDisputed' });
        if (log) router.push(`/disputes/${log.args.disputeId}`);
      }}
    >
      <h4 className="font-semibold">Open a dispute</h4>
      <p className="text-sm text-slate-700">
        Jurors drawn from the court will read your reason, the request and the result, and may refund you. The escrow waits for their ruling.
      </p>
      <EvidenceFields value={value} onChange={setValue} error={error} textLabel="Reason for the dispute" placeholder="What is wrong with the delivery" />
      <p className="text-sm" data-testid="arbitration-fee">
        Arbitration fee:{' '}
        {cost.data !== undefined ? <span className="font-semibold">{formatEth(cost.data, 18)}</span> : cost.isError ? 'could not be read' : 'reading…'}{' '}
        <span className="text-slate-600">(pays the jurors; paid now with the dispute)</span>
      </p>
      <div className="flex flex-wrap gap-2">
        <button type="submit" className="btn-danger" disabled={busy || storing || cost.data === undefined}>
          {storing ? 'Storing…' : cost.data !== undefined ? `Dispute and pay ${formatEth(cost.data, 18)}` : 'Dispute'}
        </button>
        <button type="button" className="btn-secondary" onClick={() => setOpen(false)} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
