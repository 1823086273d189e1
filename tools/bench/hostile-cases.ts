/**
 * The hostile-input suite at full scale as benchmark cases, one per class,
 * so `npm run bench -- hostile` runs each class in its own child process and
 * reports its peak memory beside its counts.
 */
import type { BenchCase } from './measure.js'
import { hostileInputs } from './hostile-inputs.js'
import { runHostileSuite } from './hostile-run.js'

const CLASSES = [...new Set(hostileInputs('fast').map((input) => input.class))]

export const HOSTILE_CASES: readonly BenchCase[] = CLASSES.map((name) => ({
  name: `hostile ${name}`,
  about: `hostile inputs (${name}) at full size: crashes, hangs, named failures, wrong-but-silent results, good articles lost`,
  unit: 'inputs',
  prepare: () => null,
  run: async () => {
    // One worker: inputs too large to run inline go to the pool, under its time and memory budgets.
    const [result] = await runHostileSuite('full', { classes: [name], workers: 1 })
    if (result === undefined) return { items: 0 }
    const notes = `crashes ${result.crashes}, hangs ${result.hangs}, named failures ${result.namedFailures}, wrong but silent ${result.silent}, good lost ${result.goodLost}, slowest ${result.slowestSeconds.toFixed(1)} s`
    return { items: result.tried, notes: result.problems.length === 0 ? notes : `${notes}; ${result.problems.join('; ')}` }
  },
}))
