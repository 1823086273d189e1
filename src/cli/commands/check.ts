import { chronoDateFinder } from '../../ingest/date-finder.js'
import { checkStore, isSound, repairStore, type RepairReport, type StoreCheck } from '../../repair.js'
import { plural } from '../../text/plural.js'
import { EXIT } from '../exit-codes.js'
import { printable } from '../escape.js'
import { type CommandContext, writeJson } from '../command-context.js'
import { progressBar } from '../progress.js'

/** Ids printed per kind: enough to look one up with `crosscheck show`, not a page of hex. */
const SHOWN_IDS = 5
/** Ids listed per kind in --json: a script gets them all for a usual store, and the count always. */
const LISTED_IDS = 1000

const KINDS = [
  ['missingFingerprints', 'without fingerprints'],
  ['missingStory', 'without a story'],
  ['missingClaims', 'without claims'],
  ['staleClaims', 'with claims from an older extractor'],
] as const

/**
 * `crosscheck check [--repair] [--thorough]`: report articles an interrupted
 * write left half-done and the database's own check; with --repair,
 * complete them and check again. Exits `EXIT.CHECK_FAILED` when anything is
 * left wrong.
 */
export async function runCheck(context: CommandContext): Promise<number> {
  const { values, store, json, out } = context
  const found = await checkStore(store, { thorough: values['thorough'] === true })
  let repaired: RepairReport | null = null
  let after: StoreCheck = found
  if (values['repair'] === true && !isSound(found)) {
    const bar = progressBar(context.err)
    repaired = await repairStore(store, { found, findDates: chronoDateFinder, onProgress: (stage, done, total) => bar.update(done, total, stage) })
    bar.done()
    after = await checkStore(store, { thorough: values['thorough'] === true })
  }
  if (json) writeJson(out, { found: summary(found), repaired, ...(repaired === null ? {} : { after: summary(after) }), sound: isSound(after) })
  else {
    out.write(describe(found))
    if (repaired !== null) {
      out.write(
        `repaired: fingerprinted ${plural(repaired.fingerprinted, 'article')}, related ${plural(repaired.related, 'article')} ` +
          `(${plural(repaired.relations, 'relation')}), gave ${plural(repaired.assigned, 'article')} a story, ` +
          `read the claims of ${plural(repaired.claims, 'article')}\n`,
      )
      out.write(`after repair: ${describe(after)}`)
    } else if (values['repair'] !== true && repairable(found) > 0) {
      out.write('run crosscheck check --repair to complete them\n')
    }
  }
  return isSound(after) ? EXIT.OK : EXIT.CHECK_FAILED
}

/** Half-done articles found, each counted once per kind. */
function repairable(check: StoreCheck): number {
  return KINDS.reduce((sum, [key]) => sum + check[key].length, 0)
}

/** The check as JSON: counts and ids per kind (the first `LISTED_IDS`). */
function summary(check: StoreCheck): Record<string, unknown> {
  const kinds = Object.fromEntries(KINDS.map(([key]) => [key, { count: check[key].length, ids: check[key].slice(0, LISTED_IDS) }]))
  return { ...kinds, integrity: check.integrity }
}

function describe(check: StoreCheck): string {
  if (isSound(check)) return 'the store is sound: every article has its fingerprints, story and current claims\n'
  const lines: string[] = []
  for (const [key, label] of KINDS) {
    const ids = check[key]
    if (ids.length === 0) continue
    const more = ids.length > SHOWN_IDS ? ', …' : ''
    lines.push(`${plural(ids.length, 'article')} ${label}: ${ids.slice(0, SHOWN_IDS).join(', ')}${more}\n`)
  }
  // The database's own messages may quote stored bytes: printed escaped.
  for (const problem of check.integrity) lines.push(`database integrity: ${printable(problem)}\n`)
  return lines.join('')
}
