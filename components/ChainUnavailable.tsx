/** Shown instead of chain data when the RPC cannot be reached; LiveRefresh retries in the background. */
export function ChainUnavailable({ detail }: { detail?: string }) {
  return (
    <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-900">
      <p className="font-semibold">The chain cannot be reached right now.</p>
      <p className="mt-1 text-sm">
        The page will refresh by itself when it is back. {detail ? <span className="text-red-800">({detail})</span> : null}
      </p>
    </div>
  );
}
