/**
 * Finding and completing articles that an interrupted write left half-done.
 * Today a batch is applied in one transaction (`applyBatch`), but releases
 * before that committed each stage apart, so a crash between stages could
 * leave articles stored without fingerprints (never found as anyone's
 * candidate), without a story, or without claims, and a re-run only said
 * "already stored". `checkStore` lists them; `repairStore` runs the missing
 * stages for them, in the pipeline's order, through the `Store` interface.
 */
import { CLAIMS_EXTRACTOR_VERSION } from './claims/extract-claims.js'
import type { DateFinder } from './claims/date-finder.js'
import { storyFeatures } from './cluster/story-features.js'
import { type Fingerprint, fingerprintArticle } from './lineage/fingerprint.js'
import { updateLineage } from './lineage/update-lineage.js'
import { reanalyzeClaims } from './pipeline.js'
import type { ListArticlesOpts, Store } from './storage.js'
import { assignStories, type LoadedClusterState, loadClusterState } from './stories/assign-stories.js'
import type { Article, ArticleId } from './types.js'

/** What `checkStore` found: per kind, the ids of the articles concerned, in the order they were stored. */
export interface StoreCheck {
  /** Stored without fingerprints: no later copy of them can find them. */
  readonly missingFingerprints: readonly ArticleId[]
  /** In no story. */
  readonly missingStory: readonly ArticleId[]
  /** With no claims stored. */
  readonly missingClaims: readonly ArticleId[]
  /** With claims read by an extractor older than `CLAIMS_EXTRACTOR_VERSION`. */
  readonly staleClaims: readonly ArticleId[]
  /** What the database itself found wrong (`Store.checkIntegrity`); not repairable here. */
  readonly integrity: readonly string[]
}

export interface CheckStoreOpts {
  /** Run the database's full integrity check instead of its quick one. @default false */
  readonly thorough?: boolean
}

/** Articles read per call when a check or a repair pages through a store. */
const PAGE = 1000

/**
 * Every half-done article of `store`, by kind, and the database's own
 * integrity check. Reads only.
 *
 * @example
 * const found = await checkStore(store)
 * isSound(found) // => true for a store written whole
 */
export async function checkStore(store: Store, opts?: CheckStoreOpts): Promise<StoreCheck> {
  const integrity = await store.checkIntegrity({ quick: opts?.thorough !== true })
  const unfingerprinted = await allIds((page) => store.listArticlesWithoutFingerprints(page))
  // A text with no words and no names has an empty fingerprint: nothing was lost, so it is not reported.
  const missingFingerprints = (await fingerprintsOf(store, unfingerprinted)).filter(hasContent).map((fingerprint) => fingerprint.id)
  const missingStory = await allIds((page) => store.listArticlesWithoutStory(page))
  // Extractor versions count from 1: "older than 0" lists exactly the articles with no claims at all.
  const missingClaims = await allIds((page) => store.listStaleClaims(0, page))
  const missing = new Set(missingClaims)
  const staleClaims = (await allIds((page) => store.listStaleClaims(CLAIMS_EXTRACTOR_VERSION, page))).filter((id) => !missing.has(id))
  return { missingFingerprints, missingStory, missingClaims, staleClaims, integrity }
}

/** True when `check` found nothing to repair and nothing wrong with the database. */
export function isSound(check: StoreCheck): boolean {
  return (
    check.missingFingerprints.length === 0 &&
    check.missingStory.length === 0 &&
    check.missingClaims.length === 0 &&
    check.staleClaims.length === 0 &&
    check.integrity.length === 0
  )
}

export interface RepairOpts {
  /** Finds date expressions for claims' dated events (the CLI passes the one ingest uses); without it, claims carry no events. */
  readonly findDates?: DateFinder
  /** Articles per transaction. @default 100 */
  readonly batchSize?: number
  readonly onProgress?: (stage: 'lineage' | 'claims', done: number, total: number) => void
  /** What `checkStore` just found, to act on without checking again; its ids must still be current. @default a fresh check */
  readonly found?: StoreCheck
}

/** What `repairStore` did. */
export interface RepairReport {
  /** Articles whose fingerprints were computed and stored. */
  readonly fingerprinted: number
  /** Articles related to their candidates again. */
  readonly related: number
  /** Copy, rewrite and partial relations those found (some may have been stored before). */
  readonly relations: number
  /** Articles given a story. */
  readonly assigned: number
  /** Articles whose claims were read and stored. */
  readonly claims: number
}

/**
 * Complete every half-done article of `store`, in the pipeline's order:
 * fingerprints, then lineage, then stories, in one transaction per batch
 * (so a repair interrupted in turn leaves whole batches, and running it
 * again finishes the rest); then claims, which read the story an undated
 * article now belongs to. Articles that need nothing are not touched.
 *
 * Lineage runs for every article missing a fingerprint or a story: the old
 * releases stored relations after fingerprints and before stories, so an
 * article without a story may have been cut off before its relations were
 * kept (relating it again stores the same relations).
 */
export async function repairStore(store: Store, opts?: RepairOpts): Promise<RepairReport> {
  const batchSize = opts?.batchSize ?? 100
  const found = opts?.found ?? (await checkStore(store))
  const withoutStory = new Set(found.missingStory)
  const withoutFingerprints = new Set(found.missingFingerprints)
  // Articles that have a story but no fingerprint (a recluster gives every
  // article a story) go first: the others may then join their relatives' stories.
  const toRelate = [...found.missingFingerprints.filter((id) => !withoutStory.has(id)), ...found.missingStory]
  let loaded: LoadedClusterState | null = null
  let fingerprinted = 0
  let relations = 0
  let assigned = 0
  for (let start = 0; start < toRelate.length; start += batchSize) {
    const articles = await store.getArticles(toRelate.slice(start, start + batchSize))
    const fresh = articles.map((article) => ({ article, fingerprint: fingerprintArticle(article) }))
    try {
      await store.transaction(async (tx) => {
        // Lineage stores each article's fingerprint just before relating it (as a batch does); counted here for the report.
        const missing = fresh.filter((item) => withoutFingerprints.has(item.article.id))
        const relatedNow = await updateLineage(tx, fresh)
        // Stories after lineage: a copy or rewrite joins the story of what it copies.
        // Asked again inside the transaction: a writer running beside the repair (the server) may have assigned some since the check.
        const assignedSince = await tx.storiesOf(fresh.map((item) => item.article.id))
        const unassigned = fresh.filter((item) => withoutStory.has(item.article.id) && !assignedSince.has(item.article.id)).map((item) => item.article)
        loaded = await loadClusterState(tx, loaded)
        await assignStories(
          tx,
          loaded,
          unassigned.map((article) => ({ id: article.id, features: storyFeatures(article) })),
          relatedNow,
        )
        fingerprinted += missing.length
        relations += relatedNow.length
        assigned += unassigned.length
      })
    } catch (error) {
      // The transaction rolled back: the clusterer's state in memory may be ahead of the store's.
      loaded = null
      throw error
    }
    opts?.onProgress?.('lineage', Math.min(start + batchSize, toRelate.length), toRelate.length)
  }
  // Claims last: an undated article reads "on Monday" against its story's dates, known only now.
  const claims = await reanalyzeClaims(store, {
    batchSize,
    ...(opts?.findDates === undefined ? {} : { findDates: opts.findDates }),
    onProgress: (done, total) => opts?.onProgress?.('claims', done, total),
  })
  return { fingerprinted, related: toRelate.length, relations, assigned, claims }
}

/** Every id a paged listing gives, read before anything is written. */
async function allIds(list: (page: ListArticlesOpts) => Promise<ArticleId[]>): Promise<ArticleId[]> {
  const ids: ArticleId[] = []
  for (let offset = 0; ; offset += PAGE) {
    const page = await list({ limit: PAGE, offset })
    ids.push(...page)
    if (page.length < PAGE) return ids
  }
}

/** The fingerprints of stored articles, computed again from their text (unknown ids are left out). */
async function fingerprintsOf(store: Pick<Store, 'getArticles'>, ids: readonly ArticleId[]): Promise<Fingerprint[]> {
  const fingerprints: Fingerprint[] = []
  for (let start = 0; start < ids.length; start += 100) {
    const articles: Article[] = await store.getArticles(ids.slice(start, start + 100))
    fingerprints.push(...articles.map((article) => fingerprintArticle(article)))
  }
  return fingerprints
}

function hasContent(fingerprint: Fingerprint): boolean {
  return fingerprint.bands.length > 0 || fingerprint.anchors.length > 0
}
