/**
 * The write token: given (`--token`, `$CROSSCHECK_TOKEN`), or generated at
 * first start and kept in a file beside the database, readable by its owner
 * only, so a restart keeps the same token and scripts keep working.
 */
import { randomBytes } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'

export interface ResolvedToken {
  readonly token: string
  /** Where it came from; `generated` only on the start that created it (the one time it is printed). */
  readonly origin: 'flag' | 'env' | 'file' | 'generated'
  /** The token file, when one is used. */
  readonly file: string | null
}

/**
 * @param dbPath The database file; the token lives at `<dbPath>.token`. `:memory:` keeps it in memory only.
 * @example
 * resolveToken({ dbPath: 'crosscheck.db' }) // => { token: 'k3…', origin: 'generated', file: 'crosscheck.db.token' }
 */
export function resolveToken(opts: { readonly flag?: string; readonly env?: string; readonly dbPath: string }): ResolvedToken {
  if (opts.flag !== undefined && opts.flag !== '') return { token: opts.flag, origin: 'flag', file: null }
  if (opts.env !== undefined && opts.env !== '') return { token: opts.env, origin: 'env', file: null }
  const generated = randomBytes(24).toString('base64url')
  // No file beside a database server: several servers share it, so give them one with --token or $CROSSCHECK_TOKEN.
  if (opts.dbPath === ':memory:' || opts.dbPath === '' || /^postgres(?:ql)?:\/\//iu.test(opts.dbPath))
    return { token: generated, origin: 'generated', file: null }
  const file = `${opts.dbPath}.token`
  try {
    const stored = readFileSync(file, 'utf8').trim()
    if (stored !== '') return { token: stored, origin: 'file', file }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  // 'wx': never overwrite a token another process just wrote; mode 0600: the owner only.
  writeFileSync(file, `${generated}\n`, { mode: 0o600, flag: 'wx' })
  return { token: generated, origin: 'generated', file }
}
