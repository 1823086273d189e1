/**
 * The write recipe of crosscheck, one line per stage. Ingest adapters (the
 * edge) turn files, pages, feeds and archives into `RawDocument`s; from
 * there on:
 *
 *   analyze (pure, per document, in worker threads)
 *     prepare: clean ─► segment ─► identify            → Article
 *     fingerprint: MinHash, LSH bands, anchors         → Fingerprint
 *     story features: terms, names, places             → StoryFeatures
 *     claims: entities, quotes, figures, dated events  → ArticleClaims
 *
 *   apply (the only code that writes; one transaction per batch)
 *     put articles ─► per article: put fingerprint, relate to candidates ─► assign stories ─► put claims
 *
 * The CLI's ingest, the HTTP API's ingest, the feed follower and the server's
 * writer thread all run this recipe (through `ingest/ingest.ts`, which only
 * reads inputs, runs the pool, batches and reports).
 */
import { createHash } from 'node:crypto'
import { canonicalUrl } from './canonical-url.js'
import { CLAIMS_EXTRACTOR_VERSION, extractClaims } from './claims/extract-claims.js'
import type { DateFinder } from './claims/date-finder.js'
import { extractEvents } from './claims/events.js'
import { latestPublished } from './claims/story-claims.js'
import type { ArticleClaims } from './claims/types.js'
import { storyFeatures } from './cluster/story-features.js'
import type { StoryFeatures } from './cluster/types.js'
import { type Fingerprint, fingerprintArticle } from './lineage/fingerprint.js'
import type { AlignableArticle } from './lineage/relate.js'
import type { Relation } from './lineage/types.js'
import { updateLineage } from './lineage/update-lineage.js'
import type { PutOutcome, Store, StoredClaims, StoryAssignment } from './storage.js'
import { assignStories, type LoadedClusterState, loadClusterState } from './stories/assign-stories.js'
import { cleanBlocks } from './text/clean.js'
import { deriveTitle } from './text/headline.js'
import { comparisonForm } from './text/normalize.js'
import { assembleBody, splitSentences } from './text/segment.js'
import type { Article, ArticleId, DateParser, LanguageDetector, RawDocument } from './types.js'

export interface PrepareOpts {
  /** Date-parsing strategy for datelines (the ingest edge passes one built on chrono). */
  readonly parseDate?: DateParser
  /** Language detection for inputs that do not state their language. */
  readonly detectLanguage?: LanguageDetector
}

export interface AnalyzeOpts extends PrepareOpts {
  /** Finds date expressions for dated events; without it, claims carry no events. */
  readonly findDates?: DateFinder
}

/** Everything crosscheck reads from one document, before anything is stored. */
export interface Analysis {
  readonly article: Article
  readonly fingerprint: Fingerprint
  readonly features: StoryFeatures
  readonly claims: ArticleClaims
}

/**
 * One raw document → everything the store keeps of it. Pure and
 * self-contained, so it runs in any worker thread or process.
 *
 * @example
 * analyzeDocument(doc, { parseDate, findDates }).claims.quotes[0]?.speaker // => 'Vassily Nebenzia'
 */
export function analyzeDocument(doc: RawDocument, opts?: AnalyzeOpts): Analysis {
  const article = prepareArticle(doc, opts)
  return {
    article,
    // Fingerprints and story features only read the article: computed here, in the worker, not by the writer.
    fingerprint: fingerprintArticle(article),
    features: storyFeatures(article),
    // Claims once, at ingest: every view reads them back instead of extracting again.
    claims: extractClaims(article, opts?.findDates === undefined ? {} : { findDates: opts.findDates }),
  }
}

/**
 * One raw document → one cleaned, segmented, identified article.
 *
 * @example
 * prepareArticle(doc, { parseDate }).title // => 'Dam breach floods three villages'
 */
export function prepareArticle(doc: RawDocument, opts?: PrepareOpts): Article {
  // Clean first: every later stage must see the story, not the site around it.
  const cleaned = cleanBlocks(doc.blocks, {
    stated: doc.metadata,
    ...(opts?.parseDate === undefined ? {} : { parseDate: opts.parseDate }),
  })
  // Segment the cleaned text once; its offsets are what every finding's span points into.
  const { text, paragraphs } = assembleBody(cleaned.body)
  const sentences = splitSentences(text, paragraphs)
  // A page with no headline gets one from its first sentence, marked as derived.
  const firstSentence = sentences[0]
  const titleDerived = cleaned.title === null && firstSentence !== undefined
  const title = cleaned.title ?? (firstSentence === undefined ? null : deriveTitle(text.slice(firstSentence.start, firstSentence.end)))
  const language = doc.metadata.language ?? opts?.detectLanguage?.(text) ?? null
  // Identify last: the id is derived from what the article says, so a re-ingest is a no-op.
  const contentHash = sha256(comparisonForm(text))
  const id = articleId(cleaned.outlet, title, contentHash, doc.metadata.url ?? null)

  return {
    id,
    source: doc.source,
    format: doc.format,
    url: doc.metadata.url ?? null,
    outlet: cleaned.outlet,
    title,
    titleDerived,
    published: cleaned.published,
    byline: cleaned.byline,
    creditedSource: cleaned.creditedSource,
    language,
    text,
    paragraphs,
    sentences,
    removed: cleaned.removed,
    diagnostics: [...doc.diagnostics, ...cleaned.diagnostics],
    contentHash,
    raw: doc.raw,
  }
}

/**
 * What `applyBatch` keeps between batches of one writer. Both are caches:
 * losing them costs time, never correctness.
 */
export interface ApplyState {
  /** The clusterer's state as this writer last saved it; reloaded when another writer saved since. */
  clusters: LoadedClusterState | null
  /** Articles prepared for alignment, reused across batches: a story's articles meet again and again. */
  readonly aligned: Map<string, AlignableArticle>
}

export interface ApplyOpts {
  /** Finds date expressions, to read an undated article's relative dates against its story. */
  readonly findDates?: DateFinder
  /**
   * Awaited between units of the batch's work (stages, and articles within
   * lineage). A caller whose thread also feeds a worker pool passes one that
   * yields to the event loop now and then, so the pool gets its next jobs
   * while this thread applies a batch instead of idling until it is done.
   */
  readonly pause?: () => Promise<void>
}

/** What one batch changed. */
export interface AppliedBatch {
  /** One per analysis, in order. */
  readonly outcomes: readonly PutOutcome[]
  /** Copy, rewrite and partial relations found between the new articles and everything stored. */
  readonly relations: readonly Relation[]
  readonly assignments: readonly StoryAssignment[]
}

export function createApplyState(): ApplyState {
  return { clusters: null, aligned: new Map() }
}

/**
 * Record a batch of analyses in the store, in one transaction: the batch is
 * stored whole or not at all, so a crash never leaves an article without
 * its fingerprints, relations, story or claims. Articles already stored are
 * reported as duplicates and nothing else is done for them.
 */
export async function applyBatch(store: Store, batch: readonly Analysis[], state: ApplyState, opts?: ApplyOpts): Promise<AppliedBatch> {
  if (batch.length === 0) return { outcomes: [], relations: [], assignments: [] }
  const pause = opts?.pause ?? noPause
  try {
    return await store.transaction(async (tx) => {
      // Articles first: a duplicate stops here, and everything after refers to articles by id.
      const outcomes = await tx.putArticles(batch.map((item) => item.article))
      const fresh = batch.filter((_, i) => outcomes[i]?.status === 'inserted')
      await pause()
      // Lineage stores each article's fingerprint just before relating it: an article meets what came before it, batch or not.
      const relations = await updateLineage(tx, fresh, { cache: state.aligned, pause })
      await pause()
      // Stories after lineage: a copy or rewrite joins the story of what it copies.
      state.clusters = await loadClusterState(tx, state.clusters)
      const assignments = await assignStories(
        tx,
        state.clusters,
        fresh.map((item) => ({ id: item.article.id, features: item.features })),
        relations,
      )
      await pause()
      // Claims after stories: an undated article reads "on Monday" against its story's dates, known only now.
      await tx.putClaims(await claimsToStore(tx, fresh, assignments, opts?.findDates))
      return { outcomes, relations, assignments }
    })
  } catch (error) {
    // The transaction rolled back: the clusterer's state in memory may be ahead of the store's.
    state.clusters = null
    throw error
  }
}

async function noPause(): Promise<void> {}

/**
 * The claims to store for new articles. A dated article's were read in
 * `analyze` against its own date. An undated one's relative dates are read
 * again against the latest publication date of its story (members stored
 * so far), and say so: that day is an inference, not something the article
 * states.
 */
async function claimsToStore(
  store: Store,
  fresh: readonly Analysis[],
  assignments: readonly StoryAssignment[],
  findDates: DateFinder | undefined,
): Promise<StoredClaims[]> {
  const storyOf = new Map(assignments.map((a) => [a.articleId, a.storyId]))
  const against = datesAgainst(store)
  const stored: StoredClaims[] = []
  for (const { article, claims } of fresh) {
    // Without a date finder there are no events to read again: the article's own date is all there is to say.
    const datesReadAgainst = await against(article, findDates === undefined ? undefined : storyOf.get(article.id))
    const events =
      datesReadAgainst?.basis === 'story' && findDates !== undefined
        ? extractEvents(article.text, article.sentences, { published: null, findDates, fallbackReference: datesReadAgainst.day })
        : claims.events
    stored.push({ articleId: article.id, extractorVersion: CLAIMS_EXTRACTOR_VERSION, datesReadAgainst, claims: { ...claims, events } })
  }
  return stored
}

/**
 * The day an article's relative dates are read against, and why: its own
 * publication day, else the latest publication day of its story (read once
 * per story by the function returned), else none.
 */
function datesAgainst(
  store: Pick<Store, 'getStory' | 'getArticles'>,
): (article: Article, storyId: number | undefined) => Promise<StoredClaims['datesReadAgainst']> {
  const storyDay = new Map<number, string | null>()
  return async (article, storyId) => {
    if (article.published !== null) return { day: article.published.slice(0, 10), basis: 'published' }
    if (storyId === undefined) return null
    if (!storyDay.has(storyId)) storyDay.set(storyId, await latestStoryDay(store, storyId))
    const day = storyDay.get(storyId) ?? null
    return day === null ? null : { day, basis: 'story' }
  }
}

/** The latest publication day among a story's members, or null when none is dated. */
export async function latestStoryDay(store: Pick<Store, 'getStory' | 'getArticles'>, storyId: number): Promise<string | null> {
  const story = await store.getStory(storyId)
  if (story === null) return null
  return latestPublished(await store.getArticles(story.memberIds))
}

/**
 * The article id: the outlet, the headline, the body in comparison form and
 * the page's address in one spelling (`canonicalUrl`) when it has one. The
 * same story re-sent (from the same address, or with no address) is the same
 * article; the same words under another outlet's name, or at another
 * address, are a different article (a copy, which lineage must see, not a
 * duplicate to drop). Without an address the id is what it was before
 * addresses counted, so stores of such articles keep their ids.
 */
export function articleId(outlet: string | null, title: string | null, contentHash: string, url: string | null = null): string {
  const address = canonicalUrl(url)
  const parts = [comparisonForm(outlet ?? ''), comparisonForm(title ?? ''), contentHash, ...(address === null ? [] : [address])]
  return sha256(parts.join('\u0000')).slice(0, 16)
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

export interface ReanalyzeOpts {
  /** Only this story's members, all of them (also reads an undated member's dates against the story as it is now). */
  readonly storyId?: number
  /** Every stored article, whatever version read its claims. @default false: only missing or stale claims */
  readonly all?: boolean
  readonly findDates?: DateFinder
  /** Articles per transaction. @default 100 */
  readonly batchSize?: number
  readonly onProgress?: (done: number, total: number) => void
}

/**
 * Extract stored articles' claims again and store them: after an upgrade of
 * the extractors (`CLAIMS_EXTRACTOR_VERSION`), for articles stored before
 * claims were kept, or for a story whose undated members should read their
 * dates against the story as it is now. Returns how many were read.
 */
export async function reanalyzeClaims(store: Store, opts: ReanalyzeOpts = {}): Promise<number> {
  const batchSize = opts.batchSize ?? 100
  let ids: ArticleId[]
  if (opts.storyId !== undefined) ids = [...((await store.getStory(opts.storyId))?.memberIds ?? [])]
  else if (opts.all === true) ids = await pagedIds((offset) => store.listArticles({ limit: 1000, offset }).then((page) => page.map((a) => a.id)))
  else ids = await pagedIds((offset) => store.listStaleClaims(CLAIMS_EXTRACTOR_VERSION, { limit: 1000, offset }))
  let done = 0
  for (let start = 0; start < ids.length; start += batchSize) {
    const articles = await store.getArticles(ids.slice(start, start + batchSize))
    const stories = await store.storiesOf(articles.map((a) => a.id))
    const against = datesAgainst(store)
    const claims: StoredClaims[] = []
    for (const article of articles) {
      const datesReadAgainst = await against(article, stories.get(article.id))
      const found = extractClaims(article, {
        ...(opts.findDates === undefined ? {} : { findDates: opts.findDates }),
        fallbackReference: datesReadAgainst?.basis === 'story' ? datesReadAgainst.day : null,
      })
      claims.push({ articleId: article.id, extractorVersion: CLAIMS_EXTRACTOR_VERSION, datesReadAgainst, claims: found })
    }
    await store.transaction((tx) => tx.putClaims(claims))
    done += articles.length
    opts.onProgress?.(done, ids.length)
  }
  return done
}

/** Every id a paged listing gives, read before anything is written (writing may change what stale pages hold). */
async function pagedIds(page: (offset: number) => Promise<ArticleId[]>): Promise<ArticleId[]> {
  const ids: ArticleId[] = []
  for (let offset = 0; ; offset += 1000) {
    const next = await page(offset)
    ids.push(...next)
    if (next.length < 1000) return ids
  }
}
