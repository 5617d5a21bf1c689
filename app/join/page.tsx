import type { Metadata } from 'next';
import { JoinFormIsland } from '@/components/forms/islands';

export const metadata: Metadata = { title: 'Join' };

export default function JoinPage() {
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <div>
        <h1 className="text-3xl font-bold">Join as a collaborator</h1>
        <p className="mt-2 text-slate-700">
          Anyone may join under the same rule: name the kinds of work you do, link the open-source implementation you
          run, and bond ETH as a pledge of good service. The bond can be slashed by the dispute court and is returned
          after you leave and the unbonding period has passed.
        </p>
      </div>
      <JoinFormIsland />
    </div>
  );
}
