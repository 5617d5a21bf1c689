// The jobs the reference service agent sells, one marketplace service each.
import { factorizationJob } from './factorization';
import type { Job } from './job';
import { jsonSchemaJob } from './jsonSchema';
import { notarizationJob } from './notarization';
import { textStatisticsJob } from './textStatistics';

export const JOBS: readonly Job[] = [textStatisticsJob, notarizationJob, jsonSchemaJob, factorizationJob];

export function jobByKey(key: string): Job | undefined {
  return JOBS.find((job) => job.key === key);
}

export function jobByTitle(title: string): Job | undefined {
  return JOBS.find((job) => job.title === title);
}

export { RequestError, type Job, type JobOutcome } from './job';
