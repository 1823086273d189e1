/**
 * When to poll a feed next: every `intervalMs` while it answers, and
 * exponentially later while it keeps failing, up to a cap, so a dead feed
 * costs little and a feed that comes back is picked up again.
 *
 * @example
 * nextPollDelay(0, { intervalMs: 60_000, maxDelayMs: 3_600_000 }) // => 60000
 * nextPollDelay(3, { intervalMs: 60_000, maxDelayMs: 3_600_000 }) // => 480000
 * nextPollDelay(9, { intervalMs: 60_000, maxDelayMs: 3_600_000 }) // => 3600000
 */
export function nextPollDelay(failures: number, opts: { readonly intervalMs: number; readonly maxDelayMs: number }): number {
  if (failures <= 0) return opts.intervalMs
  // Capped exponent first so 2 ** failures never overflows to Infinity.
  const factor = 2 ** Math.min(failures, 30)
  return Math.min(opts.intervalMs * factor, Math.max(opts.maxDelayMs, opts.intervalMs))
}
