import Link from 'next/link';

export default function DisputeNotFound() {
  return (
    <div className="card mx-auto max-w-xl text-center" data-testid="not-found">
      <h1 className="text-2xl font-bold">No such dispute</h1>
      <p className="mt-2 text-slate-700">Disputes are numbered from 1 in the order they were opened; this one does not exist (yet).</p>
      <p className="mt-4">
        <Link href="/disputes">All disputes</Link>
      </p>
    </div>
  );
}
