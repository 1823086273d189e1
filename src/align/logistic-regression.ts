/**
 * L2-regularised logistic regression on standardised features, fitted by
 * Newton's method. With a few dozen features and a few thousand examples
 * each Newton step is one small linear solve, and a handful of steps reach
 * the optimum exactly, so the fit is deterministic with no learning rate to
 * tune.
 */

export interface LogisticFitOpts {
  /**
   * Strength of the L2 penalty on the weights (not the bias), in the units
   * of the summed log-loss over the examples.
   * @default 1
   */
  readonly l2?: number
  /**
   * Most Newton steps to take.
   * @default 50
   */
  readonly maxIterations?: number
  /**
   * Standardise each feature to mean 0, standard deviation 1 before fitting
   * (the fit returns the constants). Off when the caller already did.
   * @default true
   */
  readonly standardise?: boolean
}

/** A fitted model: x is standardised as (x - mean) / scale, then p = σ(w·x + bias). */
export interface LogisticFit {
  readonly mean: readonly number[]
  readonly scale: readonly number[]
  readonly weights: readonly number[]
  readonly bias: number
}

/**
 * Fit a logistic regression to rows of features and their labels.
 *
 * @example
 * const fit = fitLogisticRegression([[0], [1], [2], [3]].map((r) => Float64Array.from(r)), [false, false, true, true])
 * logisticProbability(fit, Float64Array.of(3)) > 0.5 // => true
 */
export function fitLogisticRegression(rows: readonly Float64Array[], labels: readonly boolean[], opts?: LogisticFitOpts): LogisticFit {
  const l2 = opts?.l2 ?? 1
  const maxIterations = opts?.maxIterations ?? 50
  if (rows.length === 0 || rows.length !== labels.length) {
    throw new TypeError(`Expected as many labels as rows (at least one), got ${rows.length} rows and ${labels.length} labels`)
  }
  const d = rows[0]?.length ?? 0
  const { mean, scale } = opts?.standardise === false ? { mean: new Array<number>(d).fill(0), scale: new Array<number>(d).fill(1) } : standardisation(rows, d)
  const x = rows.map((row) => Float64Array.from(row, (v, j) => (v - (mean[j] as number)) / (scale[j] as number)))
  // The bias is parameter d, a constant column of ones, not penalised.
  const p = d + 1
  const theta = new Float64Array(p)
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const gradient = new Float64Array(p)
    const hessian = new Float64Array(p * p)
    for (let i = 0; i < x.length; i++) {
      const row = x[i] as Float64Array
      const prob = sigmoid(dot(theta, row))
      const residual = prob - (labels[i] ? 1 : 0)
      const curvature = Math.max(prob * (1 - prob), 1e-12)
      for (let j = 0; j < p; j++) {
        const xj = j === d ? 1 : (row[j] as number)
        gradient[j] = (gradient[j] as number) + residual * xj
        for (let k = j; k < p; k++) {
          const xk = k === d ? 1 : (row[k] as number)
          hessian[j * p + k] = (hessian[j * p + k] as number) + curvature * xj * xk
        }
      }
    }
    for (let j = 0; j < p; j++) {
      for (let k = 0; k < j; k++) hessian[j * p + k] = hessian[k * p + j] as number
      // A whisker of ridge on the bias too keeps the system solvable on separable data.
      const penalty = j === d ? 1e-6 : l2
      hessian[j * p + j] = (hessian[j * p + j] as number) + penalty
      if (j < d) gradient[j] = (gradient[j] as number) + l2 * (theta[j] as number)
    }
    const step = choleskySolve(hessian, gradient, p)
    // Newton can overshoot far from the optimum: halve the step until the loss goes down.
    const before = penalisedLoss(theta, x, labels, l2, d)
    const start = Float64Array.from(theta)
    let fraction = 1
    for (let tries = 0; tries < 30; tries++) {
      for (let j = 0; j < p; j++) theta[j] = (start[j] as number) - fraction * (step[j] as number)
      if (penalisedLoss(theta, x, labels, l2, d) <= before + 1e-12) break
      fraction /= 2
    }
    let largest = 0
    for (let j = 0; j < p; j++) largest = Math.max(largest, Math.abs(fraction * (step[j] as number)))
    if (largest < 1e-9) break
  }
  return { mean, scale, weights: Array.from(theta.subarray(0, d)), bias: theta[d] as number }
}

/**
 * The model's probability for one row of raw (unstandardised) features.
 *
 * @example
 * logisticProbability({ mean: [0], scale: [1], weights: [2], bias: 0 }, Float64Array.of(0)) // => 0.5
 */
export function logisticProbability(fit: LogisticFit, row: ArrayLike<number>): number {
  let z = fit.bias
  const { mean, scale, weights } = fit
  for (let j = 0; j < weights.length; j++) z += (weights[j] as number) * (((row[j] as number) - (mean[j] as number)) / (scale[j] as number))
  return sigmoid(z)
}

/**
 * Mean and standard deviation of each column (a constant column gets scale 1).
 *
 * @example
 * standardisation([Float64Array.of(1, 5), Float64Array.of(3, 5)], 2) // => { mean: [2, 5], scale: [1, 1] }
 */
export function standardisation(rows: readonly Float64Array[], d: number): { mean: number[]; scale: number[] } {
  const mean = new Array<number>(d).fill(0)
  const scale = new Array<number>(d).fill(0)
  for (const row of rows) for (let j = 0; j < d; j++) mean[j] = (mean[j] as number) + (row[j] as number) / rows.length
  for (const row of rows) for (let j = 0; j < d; j++) scale[j] = (scale[j] as number) + ((row[j] as number) - (mean[j] as number)) ** 2 / rows.length
  // A constant feature keeps scale 1, so it standardises to 0 rather than dividing by 0.
  return { mean, scale: scale.map((v) => (v > 1e-12 ? Math.sqrt(v) : 1)) }
}

function penalisedLoss(theta: Float64Array, x: readonly Float64Array[], labels: readonly boolean[], l2: number, d: number): number {
  let loss = 0
  for (let i = 0; i < x.length; i++) {
    const z = dot(theta, x[i] as Float64Array)
    // log(1 + e^z) - y z, written to stay finite for large |z|.
    loss += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - (labels[i] ? z : 0)
  }
  for (let j = 0; j < d; j++) loss += (l2 / 2) * (theta[j] as number) ** 2
  return loss
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z))
}

function dot(theta: Float64Array, row: Float64Array): number {
  let z = theta[row.length] as number
  for (let j = 0; j < row.length; j++) z += (theta[j] as number) * (row[j] as number)
  return z
}

/** Solve A x = b for a symmetric positive definite p×p matrix A (row-major). */
function choleskySolve(a: Float64Array, b: Float64Array, p: number): Float64Array {
  const l = new Float64Array(p * p)
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * p + j] as number
      for (let k = 0; k < j; k++) sum -= (l[i * p + k] as number) * (l[j * p + k] as number)
      l[i * p + j] = i === j ? Math.sqrt(Math.max(sum, 1e-12)) : sum / (l[j * p + j] as number)
    }
  }
  const y = new Float64Array(p)
  for (let i = 0; i < p; i++) {
    let sum = b[i] as number
    for (let k = 0; k < i; k++) sum -= (l[i * p + k] as number) * (y[k] as number)
    y[i] = sum / (l[i * p + i] as number)
  }
  const x = new Float64Array(p)
  for (let i = p - 1; i >= 0; i--) {
    let sum = y[i] as number
    for (let k = i + 1; k < p; k++) sum -= (l[k * p + i] as number) * (x[k] as number)
    x[i] = sum / (l[i * p + i] as number)
  }
  return x
}
