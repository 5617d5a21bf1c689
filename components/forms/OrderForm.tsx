'use client';
// Order a service: the request is stored as a document (ipfs:// URI), then the exact price is
// paid into the Marketplace's escrow.
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import type { Address } from 'viem';
import { useBalance } from 'wagmi';
import { DocumentError, publishDocument } from '@/lib/documents';
import { formatEth } from '@/lib/format';
import { useToast } from '../Toaster';
import { useContractWrite } from '../wallet/useContractWrite';
import { WalletStatus } from './WalletStatus';

const MAX_REQUEST = 16_000;

export default function OrderForm({ serviceId, price, seller }: { serviceId: string; price: string; seller: Address }) {
  const router = useRouter();
  const toast = useToast();
  const { send, busy, address, wrongChain } = useContractWrite();
  const balance = useBalance({ address, query: { enabled: !!address } });
  const [request, setRequest] = useState('');
  const [error, setError] = useState<string | undefined>();
  const wei = BigInt(price);
  const own = address?.toLowerCase() === seller.toLowerCase();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const text = request.trim();
    const problem =
      text === ''
        ? 'Describe what you need: the seller works from this request.'
        : text.length > MAX_REQUEST
          ? `Keep the request under ${MAX_REQUEST.toLocaleString('en')} characters.`
          : own
            ? 'You cannot order your own service.'
            : balance.data && balance.data.value < wei
              ? 'Your balance is too low for this price.'
              : undefined;
    setError(problem);
    if (problem) return;
    let uri: string;
    try {
      uri = await publishDocument(text, 'text/plain');
    } catch (e) {
      toast.show({ kind: 'error', title: 'The request could not be stored', detail: e instanceof DocumentError ? e.message : String(e) });
      return;
    }
    const outcome = await send({ module: 'Marketplace', functionName: 'order', args: [BigInt(serviceId), uri], value: wei, label: 'Order' });
    if (outcome.ok) router.push('/orders');
  }

  return (
    <form onSubmit={submit} noValidate className="card flex flex-col gap-4" aria-label="Order form">
      <h2 className="text-xl font-semibold">Order this service</h2>
      <div>
        <label htmlFor="request" className="label">
          Your request
        </label>
        <textarea
          id="request"
          className="input min-h-32"
          value={request}
          onChange={(e) => setRequest(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'request-error' : 'request-hint'}
        />
        <p id="request-hint" className="mt-1 text-xs text-slate-600">
          Stored as a content-addressed document (ipfs://); its address goes on chain with your order.
        </p>
        {error ? (
          <p id="request-error" className="field-error">
            {error}
          </p>
        ) : null}
      </div>
      <WalletStatus />
      <button type="submit" className="btn-primary self-start" disabled={busy || !address || wrongChain}>
        {busy ? 'Ordering…' : `Order for ${formatEth(wei, 18)}`}
      </button>
      <p className="text-xs text-slate-600">The payment is held in escrow until you accept the delivery, the review window ends, or the seller misses the deadline (then it is refunded).</p>
    </form>
  );
}
