/**
 * One way to open a store, whatever it is: the location chooses the
 * implementation. A `postgres://` or `postgresql://` URL opens PostgreSQL;
 * anything else is a SQLite file path. The drivers are loaded on demand, so
 * a SQLite user never loads `pg` and the other way round.
 */
import type { Store } from '../storage.js'

export interface OpenStoreOpts {
  /** Open without writing; SQLite only (PostgreSQL's permissions decide there). */
  readonly readonly?: boolean
  /**
   * Create a SQLite file (and its folders) that does not exist yet; false
   * makes a missing file an error, for commands that only read. A
   * PostgreSQL database is never created (its schema and tables are).
   * @default true
   */
  readonly create?: boolean
}

/** True when `location` names a PostgreSQL database rather than a file. */
export function isPostgresLocation(location: string): boolean {
  return /^postgres(?:ql)?:\/\//iu.test(location)
}

/**
 * @example
 * const store = await openStore(process.env.CROSSCHECK_DB ?? 'crosscheck.db')
 */
export async function openStore(location: string, opts: OpenStoreOpts = {}): Promise<Store> {
  if (isPostgresLocation(location)) {
    const { openPostgresStore } = await import('./postgres/postgres-store.js')
    return openPostgresStore(location)
  }
  const { openSqliteStore } = await import('./sqlite/sqlite-store.js')
  return openSqliteStore(location, { ...(opts.readonly === true ? { readonly: true } : {}), ...(opts.create === undefined ? {} : { create: opts.create }) })
}
