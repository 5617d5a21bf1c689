import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="card mx-auto max-w-xl text-center" data-testid="not-found">
      <h1 className="text-2xl font-bold">Not found</h1>
      <p className="mt-2 text-slate-700">
        There is no such collaborator or page. An address must be a valid Ethereum address of someone who has joined.
      </p>
      <p className="mt-4">
        <Link href="/collaborators">Browse the collaborators</Link>
      </p>
    </div>
  );
}
