// DEMO OF FRAUD DETECTION — the faulty service's result policy: orders with an even id get a
// plausible but wrong result (the job's runWrong), odd ids the honest one. Decided by the order
// id alone, so a restart repeats the same choice and the rating agent's audit can be predicted.
import type { ResultPolicy } from '../service/deliver';
import { honestResult } from '../service/deliver';
import { renderResult } from '../service/resultDocument';

/** Whether the faulty service answers this order wrongly. */
export function answersWrongly(orderId: bigint): boolean {
  return orderId % 2n === 0n;
}

export const everyOtherOrderWrong: ResultPolicy = (job, open, request) => {
  if (!answersWrongly(open.order.id) || !(request instanceof Uint8Array)) return honestResult(job, open, request);
  return renderResult(job, open.order.id, open.requestURI, job.runWrong(request));
};
