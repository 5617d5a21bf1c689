import { PERIOD_DESCRIPTIONS, PERIOD_LABELS, timeline, type TimelineInput, type TimelineStep } from '@/lib/court';
import { formatDateTime } from '@/lib/format';
import { Countdown } from './ChainClock';

const dot: Record<TimelineStep['state'], string> = {
  done: 'border-green-600 bg-green-600',
  current: 'border-brand-700 bg-white ring-4 ring-brand-100',
  upcoming: 'border-slate-300 bg-white',
  skipped: 'border-slate-200 bg-slate-100',
};

/** Evidence → Commit → Reveal → Appeal → Executed for the current round, with a live countdown. */
export function Timeline({ input, round }: { input: TimelineInput; round: number }) {
  const steps = timeline(input);
  return (
    <section className="card" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading" className="text-lg font-semibold">
        Timeline{round > 0 ? ` of round ${round + 1}` : ''}
      </h2>
      <ol className="mt-4 flex flex-col" data-testid="timeline">
        {steps.map((step, i) => (
          <li key={step.period} className="relative flex gap-3 pb-5 last:pb-0" data-testid="timeline-step" data-period={step.period} data-state={step.state}>
            {i < steps.length - 1 ? <span aria-hidden className="absolute top-5 left-[7px] h-full w-0.5 bg-slate-200" /> : null}
            <span aria-hidden className={`relative mt-1 h-4 w-4 shrink-0 rounded-full border-2 ${dot[step.period === 'executed' && step.state === 'current' ? 'done' : step.state]}`} />
            <div className="min-w-0">
              <p className={`font-semibold ${step.state === 'upcoming' || step.state === 'skipped' ? 'text-slate-600' : 'text-slate-900'}`}>
                {PERIOD_LABELS[step.period]}
                {step.state === 'current' ? <span className="sr-only"> (now)</span> : null}
                {step.state === 'current' && step.period !== 'executed' ? (
                  <span className="ml-2 rounded-full bg-brand-50 px-2 py-0.5 text-xs font-semibold text-brand-700">now</span>
                ) : null}
              </p>
              <p className="text-sm text-slate-700">
                <StepTimes step={step} />
              </p>
              {step.state === 'current' || step.state === 'upcoming' ? <p className="text-xs text-slate-600">{PERIOD_DESCRIPTIONS[step.period]}</p> : null}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

function StepTimes({ step }: { step: TimelineStep }) {
  if (step.state === 'skipped') return <>No appeal: this is the last round allowed.</>;
  if (step.period === 'executed') {
    if (step.state === 'current') return <>Ruled {step.startedAt ? formatDateTime(step.startedAt) : ''}</>;
    return <>{step.startedAt ? `From ${formatDateTime(step.startedAt)} at the earliest` : ''}</>;
  }
  if (step.state === 'done') {
    return (
      <>
        {step.startedAt ? formatDateTime(step.startedAt) : 'Done'}
        {step.endsAt ? ` – ${formatDateTime(step.endsAt)}` : ''}
      </>
    );
  }
  if (step.state === 'current' && step.endsAt !== null) {
    return (
      <>
        Ends {formatDateTime(step.endsAt)} · <Countdown endsAt={step.endsAt} prefix="in " over="over: anyone may advance it" />
      </>
    );
  }
  return <>{step.startedAt ? `From ${formatDateTime(step.startedAt)} at the earliest` : ''}</>;
}
