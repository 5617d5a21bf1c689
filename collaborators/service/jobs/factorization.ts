// Prime factorization of a whole number up to 10^15 (trial division, at most ~10^7 steps).
import { defineJob, RequestError, requestText } from './job';

export const MAX_FACTORIZATION_INPUT = 1_000_000_000_000_000;

export interface Factorization {
  n: number;
  /** Prime factors in increasing order with their exponents; their product is n. */
  factors: { prime: number; exponent: number }[];
  isPrime: boolean;
}

/** Parses the request: a decimal integer 2..10^15, surrounding whitespace allowed. */
export function parseFactorizationRequest(text: string): number {
  const trimmed = text.trim();
  if (!/^\d{1,16}$/.test(trimmed)) throw new RequestError('The request must be a whole number in decimal digits, e.g. 360.');
  const n = Number(trimmed);
  if (n < 2 || n > MAX_FACTORIZATION_INPUT) throw new RequestError(`The number must be between 2 and ${MAX_FACTORIZATION_INPUT} (10^15).`);
  return n;
}

export function factorize(n: number): Factorization {
  if (!Number.isSafeInteger(n) || n < 2 || n > MAX_FACTORIZATION_INPUT) throw new RequestError(`The number must be between 2 and ${MAX_FACTORIZATION_INPUT}.`);
  const factors: { prime: number; exponent: number }[] = [];
  let rest = n;
  const divideOut = (prime: number): void => {
    let exponent = 0;
    while (rest % prime === 0) {
      rest /= prime;
      exponent++;
    }
    if (exponent > 0) factors.push({ prime, exponent });
  };
  divideOut(2);
  divideOut(3);
  for (let candidate = 5; candidate * candidate <= rest; candidate += 6) {
    divideOut(candidate);
    divideOut(candidate + 2);
  }
  if (rest > 1) factors.push({ prime: rest, exponent: 1 });
  return { n, factors, isPrime: factors.length === 1 && factors[0]!.exponent === 1 };
}

export const factorizationJob = defineJob<Factorization>({
  key: 'prime-factorization',
  title: 'Prime factorization',
  version: 1,
  description: `# Prime factorization

**Request**: a text document holding one whole number between 2 and 10^15 in decimal digits
(whitespace around it is ignored), e.g. \`360\`.

**Result**: \`{ "n": 360, "factors": [{"prime": 2, "exponent": 3}, {"prime": 3, "exponent": 2},
{"prime": 5, "exponent": 1}], "isPrime": false }\`. A request that is not such a number gets a
result document with \`ok: false\` and the reason.`,
  compute: (request) => factorize(parseFactorizationRequest(requestText(request))),
  tamper: (result) => ({ ...result, factors: result.factors.map((f, i) => (i === 0 ? { ...f, exponent: f.exponent + 1 } : f)), isPrime: false }),
});
