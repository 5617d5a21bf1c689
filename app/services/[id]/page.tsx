import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ChainUnavailable } from '@/components/ChainUnavailable';
import { OrderFormIsland } from '@/components/forms/islands';
import { SafeLink } from '@/components/SafeLink';
import { formatDuration, formatEth, shortAddress } from '@/lib/format';
import { readService } from '@/lib/server/market';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Service' };

type Params = Promise<{ id: string }>;

export default async function ServicePage({ params }: { params: Params }) {
  const { id } = await params;
  if (!/^[1-9]\d{0,18}$/.test(id)) notFound();
  let found: Awaited<ReturnType<typeof readService>>;
  try {
    found = await readService(BigInt(id));
  } catch (error) {
    return <ChainUnavailable detail={error instanceof Error ? error.message.split('\n')[0] : undefined} />;
  }
  if (!found) notFound();
  const { service: s, reviewWindow, feeBps } = found;
  return (
    <article className="mx-auto flex max-w-3xl flex-col gap-6">
      <header>
        <p className="text-sm text-slate-600">Service #{id}</p>
        <h1 className="text-3xl font-bold break-all" data-testid="service-title">
          {s.title}
        </h1>
        <p className="mt-1 text-slate-700">
          by <Link href={`/collaborators/${s.seller}`}>{shortAddress(s.seller)}</Link>
          {s.active ? '' : ' · not taking orders'}
        </p>
      </header>
      <section className="card">
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[12rem_1fr]">
          <dt className="text-slate-600">Price</dt>
          <dd data-testid="service-price">{formatEth(s.price, 18)}</dd>
          <dt className="text-slate-600">Delivery window</dt>
          <dd>{formatDuration(s.deliveryWindow)} after ordering, or the payment is refunded</dd>
          <dt className="text-slate-600">Review window</dt>
          <dd>{formatDuration(reviewWindow)} after delivery to accept or dispute; then the payment is released</dd>
          <dt className="text-slate-600">Protocol fee</dt>
          <dd>{(feeBps / 100).toFixed(2)}% of the price, taken from the seller’s payment</dd>
          <dt className="text-slate-600">Details</dt>
          <dd>
            <SafeLink uri={s.metadataURI} empty="No details document" />
          </dd>
        </dl>
      </section>
      {s.active ? (
        <OrderFormIsland serviceId={s.id.toString()} price={s.price.toString()} seller={s.seller} />
      ) : (
        <p className="card text-slate-700">This service is not taking orders right now.</p>
      )}
    </article>
  );
}
