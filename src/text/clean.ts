/**
 * Cleaning: from the blocks a page presented to the story's own paragraphs,
 * recording every removal with its rule and reason, and reading the metadata
 * that page furniture gives away (the banner names the outlet, the dateline
 * is the publication date, a contributor line names the byline).
 *
 * Written as small passes over one working list, in an order that matters:
 * structural hints and whole-line rules run before the top matter is read, so
 * that a photo caption carrying a date can never be taken for the dateline.
 */
import type { Block, DateParser, Diagnostic, Removal, RemovalRule, StatedMetadata } from '../types.js'
import { FRAGMENT_RULES, LINE_RULES, type LineFacts, wordCount } from './boilerplate-rules.js'
import { readDateline } from './dateline.js'
import { isHeadlineLike, isSectionHeading } from './headline.js'
import { comparisonForm, displayForm, hasWordCharacter } from './normalize.js'

export interface CleanOpts {
  /** Metadata the input states; it wins over what cleaning infers. */
  readonly stated?: StatedMetadata
  /** Date-parsing strategy for datelines; without one, datelines are not recognised. */
  readonly parseDate?: DateParser
}

/** A paragraph or heading that survived cleaning, in display form. */
export interface CleanedBlock {
  readonly kind: 'paragraph' | 'heading'
  readonly text: string
  readonly sourceLine?: number
}

export interface CleanResult {
  /** The headline the input stated or showed; null when it had none (the pipeline derives one). */
  readonly title: string | null
  readonly outlet: string | null
  readonly published: string | null
  readonly byline: string | null
  readonly creditedSource: string | null
  readonly body: readonly CleanedBlock[]
  readonly removed: readonly Removal[]
  readonly diagnostics: readonly Diagnostic[]
}

/** Fragment rules look at this many characters at the end of a block. */
const FRAGMENT_TAIL = 160
/** How far down the page the top matter (banner, dateline, byline, headline) may sit. */
const TOP_ZONE_BLOCKS = 6
/** A block this long is body text: the top matter has ended. */
const BODY_PARAGRAPH_WORDS = 30

interface Working {
  kind: 'text' | 'heading'
  text: string
  sourceLine: number | undefined
  removed: boolean
}

/** Candidate values for one fact, highest priority first wins. */
class FactCandidates {
  private readonly values = new Map<keyof LineFacts | 'published', { value: string; priority: number }>()

  offer(key: keyof LineFacts | 'published', value: string | undefined, priority: number): void {
    if (value === undefined || value.trim() === '') return
    const current = this.values.get(key)
    if (current === undefined || priority > current.priority) this.values.set(key, { value: value.trim(), priority })
  }

  get(key: keyof LineFacts | 'published'): string | null {
    return this.values.get(key)?.value ?? null
  }
}

// Priorities: what the input states beats what its furniture shows.
const STATED = 3
const TOP_MATTER = 2
const FOOTER = 1

/**
 * Clean a page's blocks.
 *
 * @example
 * cleanBlocks([{ kind: 'text', text: 'Read more: Other story' }, { kind: 'text', text: 'The dam held.' }]).body
 * // => [{ kind: 'paragraph', text: 'The dam held.' }]
 */
export function cleanBlocks(blocks: readonly Block[], opts?: CleanOpts): CleanResult {
  const stated = opts?.stated ?? {}
  const facts = new FactCandidates()
  facts.offer('outlet', stated.outlet, STATED)
  facts.offer('published', stated.published, STATED)
  facts.offer('byline', stated.byline, STATED)
  facts.offer('creditedSource', stated.creditedSource, STATED)

  const removed: Removal[] = []
  const diagnostics: Diagnostic[] = []
  const work: Working[] = blocks
    .map((block) => ({ kind: block.kind, text: displayForm(block.text), sourceLine: block.sourceLine, removed: false, hint: block.hint }))
    .filter((block) => block.text !== '')
    .map((block) => {
      if (block.hint !== undefined) {
        const reason =
          block.hint === 'extractor'
            ? 'left out by the main-content extractor, although the page marks it as part of its article'
            : 'marked as page furniture by the page structure'
        removed.push(removal(block, block.hint, reason))
        return { ...block, removed: true }
      }
      return block
    })

  const remove = (block: Working, rule: RemovalRule, reason: string): void => {
    block.removed = true
    removed.push(removal(block, rule, reason))
  }

  applyLineRules(work, remove, facts)
  cutFragments(work, removed, facts)
  removeSymbolOnlyLines(work, remove)
  const title = readTopMatter(work, remove, facts, stated, opts?.parseDate)
  removeRepeats(work, remove)

  const body: CleanedBlock[] = []
  const kept = work.filter((block) => !block.removed)
  kept.forEach((block, i) => {
    const next = kept[i + 1]
    const heading =
      block.kind === 'heading' || (next !== undefined && next.kind === 'text' && !isSectionHeading(next.text) && isSectionHeading(block.text) && i > 0)
    body.push({ kind: heading ? 'heading' : 'paragraph', text: block.text, ...lineOf(block) })
  })
  if (body.length === 0) {
    diagnostics.push({ ruleId: 'clean/empty-body', severity: 'warning', message: 'nothing of the body is left after cleaning' })
  }

  return {
    title,
    outlet: facts.get('outlet'),
    published: facts.get('published'),
    byline: facts.get('byline'),
    creditedSource: facts.get('creditedSource'),
    body,
    removed: sortRemovals(removed, blocks),
    diagnostics,
  }
}

/** Whole-block rules: promos, share bars, donation and membership appeals, captions, credits. */
function applyLineRules(work: Working[], remove: (block: Working, rule: RemovalRule, reason: string) => void, facts: FactCandidates): void {
  for (const block of work) {
    // Headings too: "Related coverage" or "Subscribe to our newsletter" set as a heading is still furniture.
    if (block.removed) continue
    const count = wordCount(block.text)
    for (const rule of LINE_RULES) {
      if (count > rule.maxWords) continue
      const match = rule.pattern.exec(block.text)
      if (match === null) continue
      const found = rule.facts?.(match, block.text) ?? {}
      facts.offer('outlet', found.outlet, FOOTER)
      facts.offer('byline', found.byline, FOOTER)
      facts.offer('creditedSource', found.creditedSource, TOP_MATTER)
      remove(block, rule.rule, rule.reason)
      break
    }
  }
}

/** Trailing credit sentences inside a real paragraph ("… Read Full Article at Example.com."). */
function cutFragments(work: Working[], removed: Removal[], facts: FactCandidates): void {
  for (const block of work) {
    if (block.removed) continue
    for (const rule of FRAGMENT_RULES) {
      // Fragments sit at the very end: match on the tail only, which keeps this off the hot path.
      const offset = Math.max(0, block.text.length - FRAGMENT_TAIL)
      const tail = rule.pattern.exec(block.text.slice(offset))
      const match = tail === null ? null : Object.assign(tail, { index: tail.index + offset })
      if (match === null || wordCount(match[0]) > rule.maxWords) continue
      const found = rule.facts?.(match, block.text) ?? {}
      facts.offer('creditedSource', found.creditedSource, TOP_MATTER)
      const fragment = match[0].trim()
      const rest = block.text.slice(0, match.index).trim()
      removed.push({ ...removal(block, rule.rule, rule.reason), text: fragment, fragment: rest !== '' })
      if (rest === '') block.removed = true
      else block.text = rest
    }
  }
}

/** Lines with no letter or digit: separators ("*", "-"), and the stray code fences rewriting tools leave. */
function removeSymbolOnlyLines(work: Working[], remove: (block: Working, rule: RemovalRule, reason: string) => void): void {
  for (const block of work) {
    if (block.removed || hasWordCharacter(block.text)) continue
    if (/[`´]/u.test(block.text)) remove(block, 'rewriter-artifact', 'stray code fence left by a rewriting tool')
    else remove(block, 'separator', 'line with no words')
  }
}

const BANNER = /^[|•»\s]*(?:welcome to|you are (?:reading|viewing|on))\s+(.{2,60}?)\s*[!.]?$/iu
const BYLINE = /^[Bb][Yy]\s+([\p{Lu}][\p{L}.'’-]*(?:\s+(?:[\p{Lu}][\p{L}.'’-]*|and|&|van|von|de|al|bin)){0,6})\s*(?:[,|•–—-]\s*.{0,60})?$/u
const NAVIGATION_SEGMENT = /\s*[|•›»]\s*/u

/**
 * The top of the page: banner, dateline, byline and headline, in whatever
 * order the site puts them, before the first long paragraph.
 * Returns the title (stated or shown), or null.
 */
function readTopMatter(
  work: Working[],
  remove: (block: Working, rule: RemovalRule, reason: string) => void,
  facts: FactCandidates,
  stated: StatedMetadata,
  parseDate: DateParser | undefined,
): string | null {
  let title = stated.title === undefined ? null : displayForm(stated.title)
  const statedTitle = title === null ? null : comparisonForm(title)
  const statedOutlet = stated.outlet === undefined ? null : comparisonForm(stated.outlet)
  let seen = 0
  let headlineDecided = title !== null
  for (const block of work) {
    if (block.removed) continue
    if (seen++ >= TOP_ZONE_BLOCKS || wordCount(block.text) > BODY_PARAGRAPH_WORDS) break
    const banner = BANNER.exec(block.text)
    if (banner !== null) {
      facts.offer('outlet', banner[1], TOP_MATTER)
      remove(block, 'banner', 'site banner')
      continue
    }
    const form = comparisonForm(block.text)
    if (statedOutlet !== null && form === statedOutlet) {
      remove(block, 'banner', 'site banner (the outlet name alone)')
      continue
    }
    if (block.text.split(NAVIGATION_SEGMENT).length >= 3 && block.text.split(NAVIGATION_SEGMENT).every((s) => wordCount(s) <= 3)) {
      remove(block, 'navigation', 'site navigation')
      continue
    }
    const date = parseDate === undefined ? null : readDateline(block.text, parseDate)
    if (date !== null) {
      facts.offer('published', date.iso, TOP_MATTER)
      remove(block, 'dateline', 'dateline (kept as the publication date)')
      continue
    }
    const byline = BYLINE.exec(block.text)
    if (byline !== null && wordCount(block.text) <= 14) {
      facts.offer('byline', byline[1], TOP_MATTER)
      remove(block, 'byline', 'byline (kept as the byline)')
      continue
    }
    if (statedTitle !== null && sameHeadline(form, statedTitle)) {
      remove(block, 'title', 'the headline (kept as the title)')
      continue
    }
    if (!headlineDecided) {
      // The first line of running text decides: a headline, or no headline at all.
      headlineDecided = true
      if (isHeadlineLike(block.text)) {
        title = block.text
        remove(block, 'title', 'the headline (kept as the title)')
      }
    }
  }
  return title
}

/** A shown headline matches the stated one, allowing a site suffix ("Title | Site") on either. */
function sameHeadline(shown: string, stated: string): boolean {
  if (shown === stated) return true
  const [shorter, longer] = shown.length < stated.length ? [shown, stated] : [stated, shown]
  return shorter.length >= 20 && longer.startsWith(shorter) && /^\s*[|:–—-]/u.test(longer.slice(shorter.length))
}

/** Shorter repeats ("Meal 1", a table's header row) are legitimately part of some stories. */
const MIN_REPEATED_WORDS = 10

/**
 * A paragraph the page repeats (a standfirst shown twice) is kept once, the
 * first time; short lines only when they repeat back to back.
 */
function removeRepeats(work: Working[], remove: (block: Working, rule: RemovalRule, reason: string) => void): void {
  const seen = new Set<string>()
  let previous: string | null = null
  for (const block of work) {
    if (block.removed) continue
    const form = comparisonForm(block.text)
    if (form === previous || (seen.has(form) && wordCount(block.text) >= MIN_REPEATED_WORDS)) {
      remove(block, 'repeated', 'repeats an earlier paragraph')
      continue
    }
    seen.add(form)
    previous = form
  }
}

function removal(block: { text: string; sourceLine: number | undefined }, rule: RemovalRule, reason: string): Removal {
  return { rule, text: block.text, reason, ...lineOf(block) }
}

function lineOf(block: { sourceLine: number | undefined }): { sourceLine?: number } {
  return block.sourceLine === undefined ? {} : { sourceLine: block.sourceLine }
}

/** Removals in page order (passes find them out of order). */
function sortRemovals(removed: Removal[], blocks: readonly Block[]): Removal[] {
  if (blocks.every((block) => block.sourceLine === undefined)) return removed
  return [...removed].sort((a, b) => (a.sourceLine ?? 0) - (b.sourceLine ?? 0))
}
