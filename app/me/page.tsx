import type { Metadata } from 'next';
import { MeIsland } from '@/components/forms/islands';

export const metadata: Metadata = { title: 'Me' };

export default function MePage() {
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-3xl font-bold">Me</h1>
        <p className="mt-1 text-slate-700">Your experience, certificates and what the organization owes you.</p>
      </div>
      <MeIsland />
    </div>
  );
}
