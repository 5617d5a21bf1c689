// A job: a pure, deterministic function from a request document's bytes to a JSON result. The
// service agent sells one service per job; the rating agent re-executes jobs to audit deliveries,
// so a job must give the same result for the same bytes on every machine, forever (change
// `version` if the output ever changes).

/** The request cannot be served (malformed, out of bounds); the message goes into the result document. */
export class RequestError extends Error {
  override name = 'RequestError';
}

export type JobOutcome = { ok: true; result: unknown } | { ok: false; error: string };

export interface Job {
  /** Stable identifier, e.g. "text-statistics". */
  key: string;
  /** The marketplace service title (≤ 96 bytes); the agent finds its services by title. */
  title: string;
  /** Bumped whenever the result for some request changes. */
  version: number;
  /** Markdown: what to send and what comes back; stored as the service's metadata document. */
  description: string;
  /** The honest computation. Never throws for bad input: that is an outcome with ok=false. */
  run(request: Uint8Array): JobOutcome;
  /** Demo of fraud: a plausible but wrong result for the same request (used only by the faulty service). */
  runWrong(request: Uint8Array): JobOutcome;
}

export interface JobSpec<R> {
  key: string;
  title: string;
  version: number;
  description: string;
  /** The computation; throws RequestError for a request it cannot serve. */
  compute(request: Uint8Array): R;
  /** A wrong variant of a correct result, for the faulty demo service. */
  tamper(result: R): R;
}

function outcome<R>(compute: () => R): JobOutcome {
  try {
    return { ok: true, result: compute() };
  } catch (error) {
    if (error instanceof RequestError) return { ok: false, error: error.message };
    throw error;
  }
}

/** Builds a Job from its typed spec. */
export function defineJob<R>(spec: JobSpec<R>): Job {
  return {
    key: spec.key,
    title: spec.title,
    version: spec.version,
    description: spec.description,
    run: (request) => outcome(() => spec.compute(request)),
    runWrong: (request) => outcome(() => spec.tamper(spec.compute(request))),
  };
}

/** The request bytes as UTF-8 text; RequestError if they are not UTF-8. */
export function requestText(request: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(request);
  } catch {
    throw new RequestError('The request is not UTF-8 text.');
  }
}
