// Block ranges for eth_getLogs: public RPCs cap how many blocks one call may span, so agents that
// read logs from the deploy block walk the chain in slices.

/** Most blocks per eth_getLogs call. */
export const LOG_RANGE = 10_000n;

/** [fromBlock, toBlock] slices covering `from..to` (inclusive), each at most `step` blocks. */
export function* blockRanges(from: bigint, to: bigint, step: bigint = LOG_RANGE): Generator<{ fromBlock: bigint; toBlock: bigint }> {
  for (let start = from; start <= to; start += step) {
    yield { fromBlock: start, toBlock: start + step - 1n < to ? start + step - 1n : to };
  }
}
