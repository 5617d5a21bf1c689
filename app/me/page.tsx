import type { Metadata } from 'next';
import { CourtIsland, MeIsland } from '@/components/forms/islands';

export const metadata: Metadata = { title: 'Me' };

export default function MePage() {
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-3xl font-bold">Me</h1>
        <p className="mt-1 text-slate-700">
          Your experience, certificates, what the organization owes you, and your <a href="#court">jury duty</a>.
        </p>
      </div>
      <MeIsland />
      <section id="court" className="flex scroll-mt-4 flex-col gap-4 border-t border-slate-200 pt-6" aria-labelledby="court-heading">
        <div>
          <h2 id="court-heading" className="text-2xl font-bold">
            Court
          </h2>
          <p className="mt-1 text-slate-700">
            Stake ETH to serve as a juror: staked jurors are drawn at random, weighted by stake, to rule on marketplace disputes.
          </p>
        </div>
        <CourtIsland />
      </section>
    </div>
  );
}
