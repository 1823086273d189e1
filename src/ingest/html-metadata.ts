/**
 * What a news page states about itself: meta tags, JSON-LD and a few
 * structural signals, read before anything mutates the DOM. Each field takes
 * the first source that gives a value, in the order publishers are most
 * careful with (Open Graph and JSON-LD before page markup).
 */
import { DEFAULT_MAX_DEPTH, jsonDepth } from './budgets.js'
import type { Diagnostic, StatedMetadata } from '../types.js'
import { readDateline } from '../text/dateline.js'
import { chronoDateParser } from './date-parser.js'
import { normalizeLanguageTag } from './language.js'
import type { DomDocument, DomElement } from './html-dom.js'

/** Stated metadata plus everything the page offered as a headline, for removing it from the body. */
export interface PageMetadata {
  readonly metadata: StatedMetadata
  /** Every headline variant the page states (og:title, JSON-LD, h1, <title>), for dropping it from the body. */
  readonly headlines: readonly string[]
  readonly diagnostics: readonly Diagnostic[]
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type JsonObject = { [key: string]: Json }

const ARTICLE_TYPES = /^(?:\w*NewsArticle|Article|BlogPosting|Report|ScholarlyArticle|TechArticle|LiveBlogPosting|Review|WebPage|ItemPage)$/

/**
 * Reads title, outlet, publication date, byline, language and canonical URL
 * from a parsed page. Only what the page states; nothing is guessed from text.
 */
export function readPageMetadata(doc: DomDocument, pageUrl?: string): PageMetadata {
  const diagnostics: Diagnostic[] = []
  const metas = metaTags(doc)
  const ld = articleJsonLd(doc, diagnostics)
  const h1 = tidy(doc.querySelector('h1')?.textContent)
  const docTitle = tidy(doc.querySelector('title')?.textContent)
  const outlet = first(
    plainName(metas.get('og:site_name')),
    jsonName(ld?.['publisher']),
    plainName(metas.get('application-name')),
    shownOutlet(doc, docTitle, h1),
  )
  const strippedTitle = docTitle === undefined ? undefined : stripSiteSuffix(docTitle, outlet)
  // Social titles sometimes carry the site name too; it goes only when it is the outlet's.
  const social = (key: string): string | undefined => {
    const value = metas.get(key)
    return value === undefined ? undefined : stripSiteSuffix(value, outlet, { outletOnly: true })
  }
  const title = first(social('og:title'), social('twitter:title'), jsonText(ld?.['headline']), h1, strippedTitle)
  // What the page shows around its headline: used only where no tag states it.
  const shown = shownMetadata(doc)
  const published = first(
    isoDate(metas.get('article:published_time')),
    isoDate(jsonText(ld?.['datePublished'])),
    isoDate(metas.get('datepublished')),
    isoDate(articleTime(doc)),
    isoDate(metas.get('date')),
    isoDate(metas.get('pubdate')),
    isoDate(metas.get('dc.date')),
    isoDate(metas.get('dc.date.issued')),
    shown.published,
  )
  const byline = first(plainName(metas.get('author')), jsonNames(ld?.['author']), relAuthor(doc), shown.byline)
  const language = first(normalizeLanguageTag(doc.documentElement?.getAttribute('lang')), normalizeLanguageTag(metas.get('og:locale')))
  const url = first(
    absoluteUrl(doc.querySelector('link[rel~="canonical"]')?.getAttribute('href'), pageUrl),
    absoluteUrl(metas.get('og:url'), pageUrl),
    absoluteUrl(pageUrl, undefined),
  )
  const metadata: StatedMetadata = {
    ...(title === undefined ? {} : { title }),
    ...(outlet === undefined ? {} : { outlet }),
    ...(published === undefined ? {} : { published }),
    ...(byline === undefined ? {} : { byline }),
    ...(language === undefined ? {} : { language }),
    ...(url === undefined ? {} : { url }),
  }
  const headlines = [title, metas.get('og:title'), metas.get('twitter:title'), jsonText(ld?.['headline']), h1, docTitle, strippedTitle]
  return { metadata, headlines: headlines.filter((h): h is string => h !== undefined), diagnostics }
}

/** Collapses whitespace; empty becomes undefined. */
function tidy(text: string | null | undefined): string | undefined {
  const t = text?.replace(/[\s\u00A0]+/g, ' ').trim()
  return t === undefined || t === '' ? undefined : t
}

function first(...values: ReadonlyArray<string | undefined>): string | undefined {
  return values.find((v) => v !== undefined)
}

/**
 * <meta> contents by property, name or itemprop, lower-cased (pages vary);
 * the first non-empty one of each name wins. Read once: pages carry dozens.
 */
function metaTags(doc: DomDocument): Map<string, string> {
  const found = new Map<string, string>()
  const metas = doc.querySelectorAll('meta')
  for (let i = 0; i < metas.length; i++) {
    const m = metas[i]
    if (m === undefined) continue
    const name = (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? '').toLowerCase()
    if (name === '' || found.has(name)) continue
    const content = tidy(m.getAttribute('content'))
    if (content !== undefined) found.set(name, content)
  }
  return found
}

/**
 * The page's article object from JSON-LD: the first node of an article type,
 * looking inside arrays and `@graph`. Broken JSON-LD is common and only noted.
 */
function articleJsonLd(doc: DomDocument, diagnostics: Diagnostic[]): JsonObject | undefined {
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]')
  const nodes: JsonObject[] = []
  for (let i = 0; i < scripts.length; i++) {
    const text = scripts[i]?.textContent ?? ''
    // The readers below walk JSON-LD recursively: a block nested past the depth budget is left unread.
    if (jsonDepth(text, DEFAULT_MAX_DEPTH) > DEFAULT_MAX_DEPTH) {
      diagnostics.push({
        ruleId: 'html/json-ld-too-deep',
        severity: 'info',
        message: `a JSON-LD block nests more than ${DEFAULT_MAX_DEPTH} levels deep; ignored`,
      })
      continue
    }
    try {
      collectNodes(JSON.parse(text) as Json, nodes)
    } catch {
      diagnostics.push({ ruleId: 'html/bad-json-ld', severity: 'info', message: 'a JSON-LD block is not valid JSON; ignored' })
    }
  }
  const isArticle = (node: JsonObject): boolean => {
    const type = node['@type']
    const types = Array.isArray(type) ? type : [type]
    return types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t))
  }
  // Prefer a real article type over WebPage, which often only has a name.
  return nodes.find((n) => isArticle(n) && n['headline'] !== undefined) ?? nodes.find(isArticle)
}

function collectNodes(value: Json, out: JsonObject[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collectNodes(item, out)
  } else if (value !== null && typeof value === 'object') {
    out.push(value)
    const graph = value['@graph']
    if (graph !== undefined) collectNodes(graph, out)
  }
}

function jsonText(value: Json | undefined): string | undefined {
  if (typeof value === 'string') return tidy(value)
  if (Array.isArray(value) && value.length > 0) return jsonText(value[0])
  return undefined
}

function jsonName(value: Json | undefined): string | undefined {
  if (typeof value === 'string') return plainName(value)
  if (Array.isArray(value)) return value.length > 0 ? jsonName(value[0]) : undefined
  if (value !== null && typeof value === 'object' && value !== undefined) return plainName(jsonText(value['name']))
  return undefined
}

/** Author names from JSON-LD, which may be a string, an object or a list of either. */
function jsonNames(value: Json | undefined): string | undefined {
  const list = Array.isArray(value) ? value : [value]
  const names = list.map((v) => (v === undefined ? undefined : jsonName(v))).filter((n): n is string => n !== undefined)
  const unique = [...new Set(names)]
  return unique.length === 0 ? undefined : unique.join(', ')
}

/** A person or outlet name; URLs (Facebook's article:author) are not names, and a leading "By" is not part of one. */
function plainName(value: string | undefined): string | undefined {
  if (value === undefined || /^https?:\/\//i.test(value) || value.length > 200) return undefined
  return tidy(value.replace(/^by\s+/i, ''))
}

function relAuthor(doc: DomDocument): string | undefined {
  return plainName(tidy(doc.querySelector('a[rel~="author"]')?.textContent))
}

/** The `datetime` of the first <time> inside the article, where there is one. */
function articleTime(doc: DomDocument): string | undefined {
  const time: DomElement | null = doc.querySelector('article time[datetime]') ?? doc.querySelector('main time[datetime]')
  return tidy(time?.getAttribute('datetime'))
}

/**
 * Keeps values that already are ISO 8601 dates (offset written `+hh:mm`);
 * other formats are not trusted to be read the same everywhere. CMS
 * placeholders (`0001-01-01`, the Unix epoch) are no date.
 */
function isoDate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?)?/.exec(value)
  if (m === null) return undefined
  const [, year, month, day, time, zone] = m
  const date = `${year}-${month}-${day}`
  if (Number(year) < 1900 || date === '1970-01-01') return undefined
  if (time === undefined) return date
  const offset = zone === undefined || zone === 'Z' ? (zone ?? '') : `${zone.slice(0, 3)}:${zone.slice(-2)}`
  return `${date}T${time}${offset}`
}

function absoluteUrl(value: string | null | undefined, base: string | undefined): string | undefined {
  const href = tidy(value)
  if (href === undefined) return undefined
  try {
    const url = base === undefined ? new URL(href) : new URL(href, base)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined
  } catch {
    return undefined
  }
}

const TITLE_SEPARATOR = /\s+(?:\||-|–|—|·|•|::|»)\s+/

/**
 * A title without the site name sites append (" | Site", " - Site").
 * The suffix goes when it names the outlet or (unless `outletOnly`) is
 * short, and the part left is still a headline (at least three words).
 *
 * @example
 * stripSiteSuffix('Storm closes harbour road | The Daily Example') // => 'Storm closes harbour road'
 */
export function stripSiteSuffix(title: string, outlet?: string, opts?: { readonly outletOnly?: boolean }): string {
  const parts = title.split(TITLE_SEPARATOR)
  if (parts.length < 2) return title
  const suffix = parts[parts.length - 1] ?? ''
  const head = title.slice(0, title.length - suffix.length).replace(/\s*(?:\||-|–|—|·|•|::|»)\s*$/, '')
  const namesOutlet = outlet !== undefined && suffix.toLowerCase().includes(outlet.toLowerCase())
  const short = opts?.outletOnly !== true && suffix.split(/\s+/).length <= 4
  if ((namesOutlet || short) && head.split(/\s+/).length >= 3) return head
  return title
}

// Class words of the elements that show a byline or a date beside a headline.
const BYLINE_CLASS = /(?:^|[\s_-])(?:by|byline|author|authors|author-name|writer)(?:$|[\s_-])/iu
const DATE_CLASS = /(?:^|[\s_-])(?:date|dateline|published|pubdate|timestamp|posted|time)(?:$|[\s_-])/iu
// "By Jane Doe in Lisovar": the place is the dateline's, not part of the name.
const BYLINE_PLACE = /\s+in\s+\p{Lu}[\p{L}'’-]*(?:[\s,]+\p{Lu}[\p{L}'’-]*)*$/u

/**
 * The byline and date a page shows near its headline (in the headline's own
 * container), for pages without meta tags. A date elsewhere (today's date in
 * a top bar) is not the article's.
 */
function shownMetadata(doc: DomDocument): { byline?: string; published?: string } {
  const h1 = doc.querySelector('h1')
  const container = h1?.parentElement?.parentElement ?? h1?.parentElement
  if (container === undefined || container === null) return {}
  const found: { byline?: string; published?: string } = {}
  const elements = container.querySelectorAll('[class]')
  for (let i = 0; i < elements.length && i < 200; i++) {
    const el = elements[i]
    if (el === undefined) continue
    const className = el.getAttribute('class') ?? ''
    const text = tidy(el.textContent)
    if (text === undefined || text.length > 120) continue
    if (found.byline === undefined && BYLINE_CLASS.test(className) && /^by\s/iu.test(text)) {
      const name = plainName(text)?.replace(BYLINE_PLACE, '')
      if (name !== undefined && name !== '') found.byline = name
    }
    if (found.published === undefined && DATE_CLASS.test(className)) {
      const date = readDateline(text, chronoDateParser)
      if (date !== null) found.published = date.iso
    }
  }
  return found
}

/**
 * The outlet a page names without a tag: the site name after the headline in
 * <title> ("Headline - Site"), or the name in its copyright line.
 */
function shownOutlet(doc: DomDocument, docTitle: string | undefined, h1: string | undefined): string | undefined {
  if (docTitle !== undefined && h1 !== undefined && docTitle !== h1 && docTitle.startsWith(h1)) {
    const suffix = docTitle
      .slice(h1.length)
      .replace(/^\s*(?:\||-|–|—|·|•|::|»)\s*/u, '')
      .trim()
    if (/^\p{Lu}/u.test(suffix) && suffix.split(/\s+/).length <= 5) return suffix
  }
  const footer = tidy(doc.querySelector('footer')?.textContent ?? doc.querySelector('[class*="footer"]')?.textContent)
  const copyright =
    footer === undefined
      ? null
      : /(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s+)?((?:The\s+)?\p{Lu}[\p{L}&'’.-]*(?:\s+\p{Lu}[\p{L}&'’.-]*){0,4})/iu.exec(footer)
  return copyright?.[1]?.replace(/[.,]$/u, '')
}
