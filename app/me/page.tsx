import type { Metadata } from 'next';
import { ActivityIsland, CourtIsland, MeIsland } from '@/components/forms/islands';

export const metadata: Metadata = { title: 'Me' };

export default function MePage() {
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-3xl font-bold">Me</h1>
        <p className="mt-1 text-slate-700">
          Your experience, certificates, what the organization owes you, your <a href="#voting-weight">voting weight</a> and your <a href="#court">jury duty</a>.
        </p>
      </div>
      <MeIsland />
      <section id="voting-weight" className="flex scroll-mt-4 flex-col gap-4 border-t border-slate-200 pt-6" aria-labelledby="voting-weight-heading">
        <div>
          <h2 id="voting-weight-heading" className="text-2xl font-bold">
            Voting weight
          </h2>
          <p className="mt-1 text-slate-700">Your say in the democracy comes from your recent work for the organization, not from money.</p>
        </div>
        <ActivityIsland />
      </section>
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
