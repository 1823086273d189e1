/**
 * Finds the shared data folder (benchmarks, corpus) that lives beside the
 * repository, for tests that check against real data and skip without it.
 */
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The shared data folder: `$CROSSCHECK_SHARED` when set, else `../shared`
 * beside the repository root (the nearest folder above this file holding a
 * package.json). Null when the folder does not exist.
 */
export function sharedDir(): string | null {
  const override = process.env['CROSSCHECK_SHARED']
  if (override !== undefined && override !== '') return existsSync(override) ? resolve(override) : null
  const shared = join(repoRoot(), '..', 'shared')
  return existsSync(shared) ? shared : null
}

/** The repository root: the nearest folder above this file holding a package.json, else the working directory. */
export function repoRoot(): string {
  // Walk up rather than assume a depth: this file runs from src/ and dist*/.
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir
    if (dirname(dir) === dir) return process.cwd()
  }
}
