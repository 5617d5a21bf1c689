// No loading.tsx on purpose: a Suspense boundary would stream a 200 before notFound() can set 404.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ChainUnavailable } from '@/components/ChainUnavailable';
import { ChainClock } from '@/components/court/ChainClock';
import { DisputeBadge, rulingText } from '@/components/court/DisputeBadge';
import { DisputeActionsGate, EvidenceFormGate } from '@/components/court/islands';
import { Rounds } from '@/components/court/Rounds';
import { Timeline } from '@/components/court/Timeline';
import { DocumentLink } from '@/components/DocumentLink';
import { ResultDocument } from '@/components/ResultDocument';
import { PERIOD_LABELS, partyLabel } from '@/lib/court';
import { formatEth, shortAddress } from '@/lib/format';
import { ORDER_STATE_LABELS } from '@/lib/market';
import { displayText, isResultHashOf } from '@/lib/documentText';
import { readDispute, readDocumentTexts, type DisputeDetail } from '@/lib/server/court';
import { readDocument } from '@/lib/server/contentStore';

export const dynamic = 'force-dynamic';

type Params = Promise<{ id: string }>;

const isId = (id: string) => /^[1-9]\d{0,18}$/.test(id);

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  return { title: isId(id) ? `Dispute #${id}` : 'Not found' };
}

export default async function DisputePage({ params }: { params: Params }) {
  const { id } = await params;
  if (!isId(id)) notFound();
  let d: DisputeDetail | null;
  try {
    d = await readDispute(BigInt(id));
  } catch (error) {
    return <ChainUnavailable detail={error instanceof Error ? error.message.split('\n')[0] : undefined} />;
  }
  if (!d) notFound();
  const [texts, result] = await Promise.all([
    readDocumentTexts(d.evidence.map((e) => e.uri)),
    d.order?.resultURI ? readDocument(d.order.resultURI).catch(() => null) : null,
  ]);
  const current = d.rounds[d.round]!;
  const buyer = d.order?.buyer ?? null;
  const seller = d.order?.seller ?? null;

  return (
    <ChainClock chainNow={d.chainNow}>
      <article className="flex flex-col gap-6" data-testid="dispute" data-period={d.period} data-round={d.round}>
        <header className="flex flex-wrap items-start justify-between gap-4">
          <div>
            <p className="text-sm text-slate-600">
              <Link href="/disputes">Disputes</Link> / #{id}
            </p>
            <h1 className="text-3xl font-bold">Dispute #{id}</h1>
            <p className="mt-1 text-slate-700" data-testid="dispute-subject">
              {d.order ? (
                <>
                  Over order #{String(d.order.id)} of <Link href={`/services/${d.order.serviceId}`}>{d.order.serviceTitle || `service #${d.order.serviceId}`}</Link> ·{' '}
                  {formatEth(d.order.price, 18)}
                </>
              ) : (
                <>
                  Raised by contract <span className="font-mono">{d.arbitrable}</span>
                </>
              )}
            </p>
          </div>
          <div className="flex flex-col items-end gap-1">
            <DisputeBadge period={d.period} round={d.round} />
            <span className="text-xs text-slate-600">
              Round {d.round + 1} of at most {d.maxRounds}
            </span>
          </div>
        </header>

        {d.period === 'executed' ? <FinalRuling d={d} /> : null}

        <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
          <div className="flex min-w-0 flex-col gap-6">
            <Timeline
              round={d.round}
              input={{
                period: d.period,
                periodStart: d.periodStart,
                periodEnd: d.periodEnd,
                durations: d.durations,
                lastRound: d.round + 1 >= d.maxRounds,
                starts: current.starts,
              }}
            />
            <section className="card flex flex-col gap-4" aria-labelledby="evidence-heading">
              <h2 id="evidence-heading" className="text-lg font-semibold">
                Evidence
              </h2>
              {d.evidence.length === 0 ? (
                <p className="text-slate-700">No evidence yet.</p>
              ) : (
                <ol className="flex flex-col gap-3" data-testid="evidence-list">
                  {d.evidence.map((e, i) => {
                    const label = partyLabel(e.party, buyer, seller);
                    const text = texts.get(e.uri);
                    return (
                      <li key={i} className="rounded-lg border border-slate-200 p-3" data-testid="evidence" data-party={label}>
                        <p className="flex flex-wrap items-center gap-2 text-sm">
                          <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${label === 'third party' ? 'bg-slate-100 text-slate-800' : label === 'buyer' ? 'bg-sky-100 text-sky-900' : 'bg-emerald-100 text-emerald-900'}`}>
                            {label}
                          </span>
                          <span className="font-mono text-xs text-slate-600" title={e.party}>
                            {shortAddress(e.party)}
                          </span>
                          <span className="text-slate-600">{e.source === 'marketplace' ? 'reason for the dispute' : `block ${e.blockNumber}`}</span>
                          <span className="ml-auto">
                            <DocumentLink uri={e.uri} label="open document" />
                          </span>
                        </p>
                        {text !== undefined ? <p className="mt-2 text-sm break-words whitespace-pre-wrap text-slate-900">{text}</p> : null}
                      </li>
                    );
                  })}
                </ol>
              )}
              {d.period === 'evidence' ? (
                <EvidenceFormGate disputeId={id} />
              ) : d.period !== 'executed' ? (
                <p className="text-sm text-slate-600">Evidence is accepted during the evidence period of each round.</p>
              ) : null}
            </section>
            <Rounds d={d} />
          </div>

          <aside className="order-first flex flex-col gap-6 lg:order-none">
            {d.order ? (
              <section className="card" aria-labelledby="order-heading">
                <h2 id="order-heading" className="text-lg font-semibold">
                  The order
                </h2>
                <dl className="mt-3 grid grid-cols-[6rem_1fr] gap-x-3 gap-y-2 text-sm">
                  <dt className="text-slate-600">Order</dt>
                  <dd>
                    #{String(d.order.id)} · {ORDER_STATE_LABELS[d.order.state]}
                  </dd>
                  <dt className="text-slate-600">Service</dt>
                  <dd className="break-words">
                    <Link href={`/services/${d.order.serviceId}`}>{d.order.serviceTitle || `#${d.order.serviceId}`}</Link>
                  </dd>
                  <dt className="text-slate-600">Price</dt>
                  <dd>{formatEth(d.order.price, 18)}</dd>
                  <dt className="text-slate-600">Buyer</dt>
                  <dd>
                    <Link href={`/collaborators/${d.order.buyer}`} data-testid="buyer-link" className="font-mono">
                      {shortAddress(d.order.buyer)}
                    </Link>
                  </dd>
                  <dt className="text-slate-600">Seller</dt>
                  <dd>
                    <Link href={`/collaborators/${d.order.seller}`} data-testid="seller-link" className="font-mono">
                      {shortAddress(d.order.seller)}
                    </Link>
                  </dd>
                  <dt className="text-slate-600">Documents</dt>
                  <dd>
                    <DocumentLink uri={d.order.requestURI} label="request" />
                    {d.order.resultURI !== null ? (
                      <>
                        {' · '}
                        <DocumentLink uri={d.order.resultURI} label="result" />
                      </>
                    ) : null}
                  </dd>
                </dl>
                {result ? (
                  <div className="mt-3">
                    <ResultDocument
                      text={displayText(new TextDecoder().decode(result.bytes), result.type)}
                      resultHash={d.order.resultHash}
                      hashMatches={isResultHashOf(result.bytes, d.order.resultHash)}
                    />
                  </div>
                ) : null}
              </section>
            ) : null}
            <section className="card flex flex-col gap-3" aria-labelledby="actions-heading">
              <h2 id="actions-heading" className="text-lg font-semibold">
                {d.period === 'executed' ? 'Done' : `${PERIOD_LABELS[d.period]} period`}
              </h2>
              {d.period === 'executed' ? (
                <p className="text-sm text-slate-700">The ruling is final. Coherent jurors withdraw their rewards from the court on their Me page.</p>
              ) : (
                <DisputeActionsGate
                  disputeId={id}
                  period={d.period}
                  round={d.round}
                  periodEnd={d.periodEnd}
                  ruling={d.ruling}
                  appealCost={d.appealCost === null ? null : d.appealCost.toString()}
                  orderId={d.order ? d.order.id.toString() : null}
                  buyer={buyer}
                  seller={seller}
                  commits={current.commits}
                  reveals={current.reveals}
                  ballots={current.ballots.map((b) => ({ juror: b.juror, seats: b.seats, committed: b.committed, revealed: b.revealed, commitment: b.commitment }))}
                />
              )}
            </section>
          </aside>
        </div>
      </article>
    </ChainClock>
  );
}

function FinalRuling({ d }: { d: DisputeDetail }) {
  const r = d.resolution;
  const rewards = d.rounds.reduce((sum, round) => sum + round.rewards, 0n);
  const penalties = d.rounds.reduce((sum, round) => sum + round.penalties, 0n);
  const fees = d.rounds.reduce((sum, round) => sum + round.fees, 0n);
  return (
    <section className="card border-green-300 bg-green-50" aria-labelledby="ruling-heading" data-testid="final-ruling" data-ruling={d.ruling}>
      <h2 id="ruling-heading" className="text-lg font-semibold text-green-950">
        Final ruling: {rulingText(d.ruling)}
      </h2>
      <ul className="mt-2 list-disc pl-5 text-sm text-green-950" data-testid="payouts">
        {r && d.order ? (
          <>
            {r.refund > 0n ? (
              <li>
                {formatEth(r.refund, 18)} refunded to the buyer <span className="font-mono">{shortAddress(d.order.buyer)}</span>
              </li>
            ) : null}
            {r.payout > 0n ? (
              <li>
                {formatEth(r.payout, 18)} paid to the seller <span className="font-mono">{shortAddress(d.order.seller)}</span>
                {r.fee > 0n ? ` (protocol fee ${formatEth(r.fee, 18)})` : ''}
              </li>
            ) : null}
            {r.slashed > 0n ? <li>{formatEth(r.slashed, 18)} of the seller’s bond slashed to the buyer</li> : null}
            {r.ruling === 1 ? <li>The seller lost the dispute: experience points taken back.</li> : null}
            {r.ruling === 2 ? <li>The buyer lost the dispute.</li> : null}
          </>
        ) : null}
        <li>
          Jurors: {formatEth(rewards, 18)} rewarded to coherent jurors from {formatEth(fees, 18)} of fees and {formatEth(penalties, 18)} of stake lost by
          incoherent or silent jurors.
        </li>
      </ul>
      <p className="mt-2 text-xs text-green-900">Credits are withdrawn by their owners (buyer and seller on their Me page, jurors from the court).</p>
    </section>
  );
}
