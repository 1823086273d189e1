/**
 * What a reported figure says about the true number, as an interval a
 * comparison can intersect. News figures are read the way a careful reader
 * reads them, not the way a logician would: "at least 41" reports a count of
 * 41 that may grow, not "any number from 41 to infinity", so that "at least
 * 41" and "at least 56" from two authorities are seen to disagree.
 */
import { vagueRange } from '../claims/quantities.js'
import type { Qualifier } from '../claims/types.js'

/** Which way the qualifier points: the true number is at or above (`floor`), at or below (`ceiling`), around, or at the value. */
export type BoundDirection = 'point' | 'floor' | 'ceiling' | 'around' | 'range' | 'vague'

export interface FigureBounds {
  readonly low: number
  readonly high: number
  readonly direction: BoundDirection
}

export interface BoundsInput {
  readonly value: number
  readonly high: number | null
  readonly vague: boolean
  readonly qualifier: Qualifier
}

/**
 * How far above a floor ("at least 41", "more than 4,200") a reader still
 * takes the count to be: a reporter who knew of 56 dead would not write "at
 * least 41". 30% keeps a rounded-down figure ("more than 900" for 973)
 * compatible with the exact one.
 */
export const FLOOR_REACH = 1.3
/** How far below a ceiling ("up to 1,300", "as high as 4,000") the true number is still in view. */
export const CEILING_REACH = 0.7
/** "about 6,500": within 10% either way. */
export const AROUND_REACH = 0.1
/** "nearly 700": just under, within 10%. */
export const NEARLY_REACH = 0.1

/**
 * @example
 * figureBounds({ value: 41, high: null, vague: false, qualifier: 'at least' }) // => { low: 41, high: 53.3, direction: 'floor' }
 * figureBounds({ value: 1300, high: null, vague: false, qualifier: 'up to' }) // => { low: 910, high: 1300, direction: 'ceiling' }
 */
export function figureBounds(figure: BoundsInput): FigureBounds {
  const v = figure.value
  if (figure.vague) {
    // "dozens" is 24 to 99, not 12: the range the words mean (see `vagueRange`).
    const { low, high } = vagueRange(v)
    return { low, high, direction: 'vague' }
  }
  if (figure.high !== null && figure.high > v) return { low: v, high: figure.high, direction: 'range' }
  switch (figure.qualifier) {
    case 'exact':
      return { low: v, high: v, direction: 'point' }
    case 'at least':
      return { low: v, high: v * FLOOR_REACH, direction: 'floor' }
    case 'more than':
      // Strictly above: the smallest step a count can take.
      return { low: v + Math.min(1, v * 0.001), high: v * FLOOR_REACH, direction: 'floor' }
    case 'up to':
    case 'as high as':
      return { low: v * CEILING_REACH, high: v, direction: 'ceiling' }
    case 'less than':
      return { low: v * CEILING_REACH, high: v - Math.min(1, v * 0.001), direction: 'ceiling' }
    case 'nearly':
      return { low: v * (1 - NEARLY_REACH), high: v - Math.min(1, v * 0.001), direction: 'ceiling' }
    case 'about':
      return { low: v * (1 - AROUND_REACH), high: v * (1 + AROUND_REACH), direction: 'around' }
  }
}

/**
 * Whether two figures can both be true of the same count. A floor and a
 * ceiling that only touch ("at least 1,300" against "up to 1,300") are not
 * compatible: one says the toll is 1,300 or more, the other that it is
 * 1,300 or less, and no reader would take them as the same report.
 */
export function boundsCompatible(a: FigureBounds, b: FigureBounds): boolean {
  const low = Math.max(a.low, b.low)
  const high = Math.min(a.high, b.high)
  if (low > high) return false
  const opposite = (a.direction === 'floor' && b.direction === 'ceiling') || (a.direction === 'ceiling' && b.direction === 'floor')
  return !(opposite && high - low <= 0)
}
