export default function ProfileLoading() {
  return (
    <div className="flex flex-col gap-6" aria-busy="true" aria-live="polite">
      <p className="text-slate-700">Reading the collaborator’s record…</p>
      <div className="card h-64 animate-pulse bg-slate-100" />
    </div>
  );
}
