'use client';
// Toast notifications for transaction progress: pending → confirmed / failed / cancelled.
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

export type ToastKind = 'pending' | 'success' | 'error' | 'info';

export interface Toast {
  id: number;
  kind: ToastKind;
  title: string;
  detail?: string;
}

interface ToastApi {
  show(toast: Omit<Toast, 'id'>): number;
  update(id: number, toast: Omit<Toast, 'id'>): void;
  dismiss(id: number): void;
}

const ToastContext = createContext<ToastApi | null>(null);

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast outside <Toaster>');
  return api;
}

const styles: Record<ToastKind, string> = {
  pending: 'border-slate-300 bg-white text-slate-900',
  success: 'border-green-300 bg-green-50 text-green-900',
  error: 'border-red-300 bg-red-50 text-red-900',
  info: 'border-slate-300 bg-white text-slate-900',
};

const AUTO_DISMISS_MS = 8_000;

export function Toaster({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((id: number) => {
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
    setToasts((all) => all.filter((t) => t.id !== id));
  }, []);

  const schedule = useCallback(
    (id: number, kind: ToastKind) => {
      clearTimeout(timers.current.get(id));
      if (kind === 'success' || kind === 'info') timers.current.set(id, setTimeout(() => dismiss(id), AUTO_DISMISS_MS));
    },
    [dismiss],
  );

  const api = useMemo<ToastApi>(
    () => ({
      show(toast) {
        const id = nextId.current++;
        setToasts((all) => [...all, { ...toast, id }]);
        schedule(id, toast.kind);
        return id;
      },
      update(id, toast) {
        setToasts((all) => all.map((t) => (t.id === id ? { ...toast, id } : t)));
        schedule(id, toast.kind);
      },
      dismiss,
    }),
    [dismiss, schedule],
  );

  return (
    <ToastContext.Provider value={api}>
      {children}
      <div aria-live="polite" className="fixed bottom-4 right-4 z-50 flex w-96 max-w-[calc(100vw-2rem)] flex-col gap-2">
        {toasts.map((toast) => (
          <div
            key={toast.id}
            role={toast.kind === 'error' ? 'alert' : 'status'}
            data-kind={toast.kind}
            className={`rounded-lg border p-3 text-sm shadow-md ${styles[toast.kind]}`}
          >
            <div className="flex items-start justify-between gap-3">
              <p className="font-semibold">
                {toast.kind === 'pending' ? <span aria-hidden className="mr-2 inline-block animate-pulse">●</span> : null}
                {toast.title}
              </p>
              <button type="button" onClick={() => dismiss(toast.id)} className="text-slate-600 hover:text-slate-900" aria-label="Dismiss">
                ×
              </button>
            </div>
            {toast.detail ? <p className="mt-1 break-words">{toast.detail}</p> : null}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
