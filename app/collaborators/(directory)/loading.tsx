export default function DirectoryLoading() {
  return (
    <div className="flex flex-col gap-6" aria-busy="true" aria-live="polite">
      <div>
        <h1 className="text-3xl font-bold">Collaborators</h1>
        <p className="mt-1 text-slate-700">Reading the registry…</p>
      </div>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {Array.from({ length: 6 }, (_, i) => (
          <li key={i} className="card h-40 animate-pulse bg-slate-100" />
        ))}
      </ul>
    </div>
  );
}
