import type { Metadata } from 'next';
import Link from 'next/link';
import { ChainUnavailable } from '@/components/ChainUnavailable';
import { NewProposalIsland } from '@/components/forms/islands';
import type { ParameterKey } from '@/lib/governanceParameters';
import { readGovernance, readParameters, type Governance } from '@/lib/server/governance';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'New proposal' };

export default async function NewProposalPage() {
  let g: Governance;
  let parameters: Partial<Record<ParameterKey, string>>;
  try {
    [g, parameters] = await Promise.all([readGovernance(), readParameters()]);
  } catch (error) {
    return <ChainUnavailable detail={error instanceof Error ? error.message.split('\n')[0] : undefined} />;
  }
  const who =
    g.rules.kind === 'monarchy'
      ? 'Only the monarch can schedule an operation.'
      : g.rules.kind === 'council'
        ? 'Any council member can propose.'
        : g.rules.kind === 'democracy'
          ? `Anyone with at least ${g.rules.threshold.toString()} activity points can propose.`
          : 'No regime is in office.';
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <header>
        <p className="text-sm text-slate-600">
          <Link href="/governance">Governance</Link>
        </p>
        <h1 className="text-3xl font-bold">New proposal</h1>
        <p className="text-slate-700">{who} Check the decoded call before you sign: it is exactly what the Constitution will run.</p>
      </header>
      <NewProposalIsland regime={g.rules.kind} minDelay={g.minDelay} parameters={parameters} monarch={g.rules.kind === 'monarchy' ? g.rules.monarch : null} />
    </div>
  );
}
