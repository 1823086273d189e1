/**
 * The PostgreSQL server tests run against: `$CROSSCHECK_TEST_POSTGRES`,
 * else the one this project's machines run (127.0.0.1:5432, trust auth,
 * database `test`). Each test keeps its data in schemas of its own and
 * drops them afterwards; where no server answers, the tests skip with the
 * reason, so a fresh clone without PostgreSQL still passes.
 */
import pg from 'pg'

export const TEST_POSTGRES = process.env['CROSSCHECK_TEST_POSTGRES'] ?? 'postgres://postgres@127.0.0.1:5432/test'

/**
 * Why tests on PostgreSQL cannot run here, as a test's `skip` says it; false when the server answers.
 *
 * @example
 * const skip = await noTestPostgres()
 * test('…', { skip }, async () => { … })
 */
export async function noTestPostgres(url: string = TEST_POSTGRES): Promise<string | false> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 })
  try {
    await client.connect()
    await client.query('SELECT 1')
    return false
  } catch (error) {
    return `no PostgreSQL answers at ${url} (${error instanceof Error ? error.message : String(error)}); set CROSSCHECK_TEST_POSTGRES to run these`
  } finally {
    await client.end().catch(() => {})
  }
}

/**
 * The store location of `schema` on the test server.
 *
 * @example
 * inSchema('cc_test_41') // => 'postgres://postgres@127.0.0.1:5432/test?schema=cc_test_41'
 */
export function inSchema(schema: string, url: string = TEST_POSTGRES): string {
  return `${url}${url.includes('?') ? '&' : '?'}schema=${schema}`
}

/** Drops `schemas` and all they hold, those that exist. */
export async function dropSchemas(schemas: readonly string[], url: string = TEST_POSTGRES): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
  } finally {
    await client.end()
  }
}
