/**
 * Binary search over items sorted by position, shared by the passes that look
 * up cues, words or names near a position without scanning from the start.
 */

/** The index of the first item (sorted by position) whose position is at or after `position`: a binary search. */
export function firstAtOrAfter<T>(items: readonly T[], position: number, positionOf: (item: T) => number): number {
  let lo = 0
  let hi = items.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (positionOf(items[mid] as T) < position) lo = mid + 1
    else hi = mid
  }
  return lo
}
