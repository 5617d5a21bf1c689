/** A filter pill on /disputes (server links and client buttons alike). */
export function pillClass(active: boolean): string {
  return `rounded-full border px-3 py-1 text-sm font-medium no-underline hover:no-underline ${active ? 'border-brand-700 bg-brand-700 text-white' : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-100'}`;
}
