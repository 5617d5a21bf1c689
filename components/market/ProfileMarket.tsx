import Link from 'next/link';
import { formatDate, formatDuration, formatEth, shortAddress } from '@/lib/format';
import { CERTIFICATE_LEVELS } from '@/lib/market';
import type { CollaboratorMarket } from '@/lib/server/market';
import { DocumentLink } from '../DocumentLink';
import { LevelBar } from './LevelBar';
import { StarHistogram } from './StarHistogram';

/** A collaborator's marketplace side: services, rating, experience and certificates. */
export function ProfileMarket({ market }: { market: CollaboratorMarket }) {
  const valid = market.certificates.filter((c) => c.valid);
  return (
    <>
      <section className="card flex flex-col gap-3" aria-labelledby="services">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="services" className="text-xl font-semibold">
            Services
          </h2>
          <p className="text-sm text-slate-700" data-testid="order-counts">
            {market.orderCounts.settled} settled · {market.orderCounts.refunded} refunded · {market.orderCounts.disputed} disputed
          </p>
        </div>
        {market.services.length === 0 ? (
          <p className="text-slate-700">No services listed.</p>
        ) : (
          <ul className="divide-y divide-slate-200">
            {market.services.map((s) => (
              <li key={String(s.id)} className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid="service-row">
                <div>
                  <Link href={`/services/${s.id}`} className="font-semibold break-all">
                    {s.title}
                  </Link>
                  <p className="text-sm text-slate-700">
                    {formatEth(s.price)} · delivered within {formatDuration(s.deliveryWindow)}
                    {s.active ? '' : ' · not taking orders'}
                  </p>
                </div>
                {s.active ? (
                  <Link href={`/services/${s.id}`} className="btn-primary no-underline hover:no-underline">
                    Order
                  </Link>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <div className="grid gap-6 md:grid-cols-2">
        <section className="card flex flex-col gap-3" aria-labelledby="rating">
          <h2 id="rating" className="text-xl font-semibold">
            Rating
          </h2>
          <StarHistogram histogram={market.histogram} />
          {market.reviews.length > 0 ? (
            <ul className="flex flex-col gap-1 border-t border-slate-200 pt-2 text-sm" aria-label="Latest reviews" data-testid="reviews">
              {market.reviews.map((r) => (
                <li key={String(r.orderId)}>
                  <span className="text-amber-700" aria-label={`${r.stars} stars`}>
                    {'★'.repeat(r.stars)}
                    <span className="text-slate-300">{'★'.repeat(5 - r.stars)}</span>
                  </span>{' '}
                  by <Link href={`/collaborators/${r.buyer}`}>{shortAddress(r.buyer)}</Link> for order #{String(r.orderId)}
                  {r.reviewURI ? (
                    <>
                      {' '}
                      · <DocumentLink uri={r.reviewURI} label="review" />
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
        <section className="card flex flex-col gap-3" aria-labelledby="experience">
          <h2 id="experience" className="text-xl font-semibold">
            Experience
          </h2>
          <LevelBar xp={market.xp} level={market.level} currentLevelXp={market.levelXp} nextLevelXp={market.nextLevelXp} />
        </section>
      </div>
      <section className="card flex flex-col gap-3" aria-labelledby="certificates">
        <h2 id="certificates" className="text-xl font-semibold">
          Certificates
        </h2>
        {valid.length === 0 ? (
          <p className="text-slate-700">No valid certificates.</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {valid.map((c) => (
              <li key={String(c.id)} className="flex flex-wrap gap-2 text-sm" data-testid="certificate">
                <span className="rounded-full bg-amber-100 px-2 py-0.5 font-semibold text-amber-900">{CERTIFICATE_LEVELS[c.level] ?? `Level ${c.level}`}</span>
                <span>
                  by <Link href={`/collaborators/${c.issuer}`}>{shortAddress(c.issuer)}</Link>, valid until {formatDate(c.expiresAt)}
                </span>
              </li>
            ))}
          </ul>
        )}
        {market.certificates.length > valid.length ? (
          <p className="text-xs text-slate-600">
            {market.certificates.length - valid.length} more expired, revoked, or from an issuer no longer in good standing.
          </p>
        ) : null}
      </section>
    </>
  );
}
