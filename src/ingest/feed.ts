/**
 * RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 1.0 feeds → one flat item shape.
 *
 * Parsed with htmlparser2 in XML mode, which is lenient (real feeds are often
 * not well-formed) and, more importantly, never expands DTD entities: a
 * `<!ENTITY xxe SYSTEM "file:///etc/passwd">` stays an inert `&xxe;` and a
 * "billion laughs" feed costs no more than its own size.
 */

import { DomUtils, parseDocument } from 'htmlparser2'
import { InputError } from '../errors.js'
import { DEFAULT_MAX_DEPTH, capMarkupDepth, treeDepth } from './budgets.js'
import { unsafeScheme } from './link-scheme.js'

/** Options of {@link parseFeed}. */
export interface ParseFeedOpts {
  /** Name of the input (path, URL) for error messages. */
  readonly name: string
  /** Deepest element nesting inside one item whose markup is read. @default DEFAULT_MAX_DEPTH */
  readonly maxDepth?: number
}

/** A feed's channel data and items. */
export interface ParsedFeed {
  /** `rss` covers RSS 0.9x, 2.0 and 1.0 (RDF). */
  readonly kind: 'rss' | 'atom'
  readonly title: string | null
  readonly link: string | null
  readonly language: string | null
  readonly items: FeedItem[]
}

/** One feed item or Atom entry. */
export interface FeedItem {
  /** 0-based position in the feed. */
  readonly index: number
  /** RSS `guid`, RDF `rdf:about`, Atom `id`. */
  readonly guid: string | null
  readonly title: string | null
  /** Absolute when the feed's own link allows resolving a relative one. */
  readonly link: string | null
  /** ISO 8601 (date-time in UTC, or a bare date when the feed gave only a date); null when missing or unparsable. */
  readonly published: string | null
  readonly author: string | null
  /**
   * The outlet that published the item when the item names it apart from
   * the feed's own title: RSS `<source>` (an aggregator's feed names every
   * outlet in it), Atom `<source><title>`, `dc:publisher`, or a
   * `media:credit` with the role `publisher`. Null when the item names none:
   * the feed's title is then the best guess.
   */
  readonly publisher: string | null
  /** Full body as HTML source: RSS `content:encoded` or Atom `content` (html, xhtml; text escaped). */
  readonly contentHtml: string | null
  /** RSS `description` or Atom `summary`; often HTML source too. */
  readonly summary: string | null
  readonly categories: string[]
  /**
   * True when the item's markup nests deeper than the depth budget: its
   * body (`contentHtml`, `summary`) is left unread and the item fails alone.
   */
  readonly tooDeep?: boolean
  /** A link the item gave with a scheme other than http(s) (`javascript:`, `data:`, `file:`), dropped from `link`. */
  readonly unsafeLink?: string
}

type Document = ReturnType<typeof parseDocument>
type Node = Document['children'][number]
type Element = Parameters<typeof DomUtils.getAttributeValue>[0]

const ATOM_NS = 'http://www.w3.org/2005/Atom'

/**
 * Parses an RSS or Atom feed.
 *
 * @throws InputError `PARSE_FAILED` when the text's root element is not
 *   `<rss>`, `<rdf:RDF>` or `<feed>`.
 *
 * @example
 * ```ts
 * parseFeed('<rss version="2.0"><channel><title>Desk</title><item><title>A</title></item></channel></rss>', { name: 'desk.xml' })
 * // { kind: 'rss', title: 'Desk', link: null, language: null, items: [{ index: 0, title: 'A', … }] }
 * ```
 */
export function parseFeed(xml: string, opts: ParseFeedOpts): ParsedFeed {
  const maxDepth = opts.maxDepth ?? DEFAULT_MAX_DEPTH
  const doc = parseDocument(capMarkupDepth(xml, maxDepth, 'xml'), { xmlMode: true })
  const root = doc.children.find(DomUtils.isTag)
  switch (root === undefined ? '' : localName(root)) {
    case 'rss':
      return parseRss(root as Element, maxDepth)
    case 'RDF':
      return parseRdf(root as Element, maxDepth)
    case 'feed':
      return parseAtom(root as Element, maxDepth)
    default: {
      const found = root === undefined ? 'no root element' : `root element <${root.name}>`
      throw new InputError('PARSE_FAILED', `${opts.name} is not an RSS or Atom feed (${found})`, { input: opts.name })
    }
  }
}

/**
 * Cheap sniff for a feed: the first element (after the XML declaration,
 * comments and a doctype) is `<rss>`, `<rdf:RDF>`, or `<feed>` in the Atom
 * namespace.
 */
export function looksLikeFeed(text: string): boolean {
  const start = text.slice(0, 64 * 1024).replace(/^\uFEFF/, '')
  // Skip the prolog piece by piece; a regex over the whole prolog would misread a doctype's internal subset.
  const prolog = /^\s*(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>)/i
  let rest = start
  for (let match = prolog.exec(rest); match !== null; match = prolog.exec(rest)) rest = rest.slice(match[0].length)
  const tag = /^\s*<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)([^>]*)>?/.exec(rest)
  if (tag === null) return false
  const name = tag[2]
  if (name === 'rss') return true
  if (name === 'RDF') return tag[1] !== undefined || (tag[3] ?? '').includes('rdf-syntax-ns')
  return name === 'feed' && (tag[3] ?? '').includes(ATOM_NS)
}

function parseRss(root: Element, maxDepth: number): ParsedFeed {
  const channel = child(root, 'channel')
  // Some RSS 0.9x feeds put items beside the channel rather than in it.
  const itemElements = [...(channel === null ? [] : children(channel, 'item')), ...children(root, 'item')]
  const link = channel === null ? null : text(child(channel, 'link'))
  return {
    kind: 'rss',
    title: channel === null ? null : plainText(child(channel, 'title')),
    link,
    language: channel === null ? null : (text(child(channel, 'language')) ?? text(child(channel, 'dc:language'))),
    items: itemElements.map((item, index) => rssItem(item, index, link, maxDepth)),
  }
}

function parseRdf(root: Element, maxDepth: number): ParsedFeed {
  const channel = child(root, 'channel')
  const link = channel === null ? null : text(child(channel, 'link'))
  return {
    kind: 'rss',
    title: channel === null ? null : plainText(child(channel, 'title')),
    link,
    language: channel === null ? null : (text(child(channel, 'dc:language')) ?? text(child(channel, 'language'))),
    items: children(root, 'item').map((item, index) => rssItem(item, index, link, maxDepth)),
  }
}

function rssItem(item: Element, index: number, feedLink: string | null, maxDepth: number): FeedItem {
  // Serializing markup back to HTML recurses; an item nested past the budget keeps its fields but not its body.
  const deep = isTooDeep(item, maxDepth)
  const guidElement = child(item, 'guid')
  const guid = text(guidElement) ?? attr(item, 'rdf:about')
  const permaLink = guidElement !== null && DomUtils.getAttributeValue(guidElement, 'isPermaLink')?.trim().toLowerCase() !== 'false'
  // Many feeds give only a permalink guid; it is the article's URL.
  const linkText = text(child(item, 'link')) ?? (permaLink && guid !== null && /^https?:\/\//i.test(guid) ? guid : null)
  const categories = [...children(item, 'category'), ...children(item, 'dc:subject')].map((c) => text(c))
  return {
    index,
    guid,
    title: plainText(child(item, 'title')),
    ...safeLink(absolute(linkText, feedLink)),
    published: parseDate(text(child(item, 'pubDate')) ?? text(child(item, 'dc:date'))),
    author: cleanAuthor(text(child(item, 'dc:creator')) ?? text(child(item, 'author'))),
    publisher: outletName(plainText(child(item, 'source')) ?? hostName(attr(child(item, 'source'), 'url'))) ?? itemPublisher(item),
    contentHtml: deep ? null : htmlSource(child(item, 'content:encoded')),
    summary: deep ? null : htmlSource(child(item, 'description')),
    categories: unique(categories),
    ...(deep ? { tooDeep: true } : {}),
  }
}

function parseAtom(root: Element, maxDepth: number): ParsedFeed {
  const link = atomLink(root, null)
  return {
    kind: 'atom',
    title: atomText(child(root, 'title')),
    link,
    language: attr(root, 'xml:lang'),
    items: children(root, 'entry').map((entry, index) => atomEntry(entry, index, link, maxDepth)),
  }
}

function atomEntry(entry: Element, index: number, feedLink: string | null, maxDepth: number): FeedItem {
  const deep = isTooDeep(entry, maxDepth)
  const author = child(entry, 'author')
  const categories = children(entry, 'category').map((c) => attr(c, 'term') ?? attr(c, 'label'))
  return {
    index,
    guid: text(child(entry, 'id')),
    title: deep ? plainText(child(entry, 'title')) : atomText(child(entry, 'title')),
    ...safeLink(atomLink(entry, feedLink)),
    published: parseDate(text(child(entry, 'published')) ?? text(child(entry, 'updated'))),
    author: author === null ? null : (text(child(author, 'name')) ?? text(child(author, 'email'))),
    publisher: atomSourceTitle(child(entry, 'source')) ?? itemPublisher(entry),
    contentHtml: deep ? null : atomHtml(child(entry, 'content')),
    summary: deep ? null : atomHtml(child(entry, 'summary')),
    categories: unique(categories),
    ...(deep ? { tooDeep: true } : {}),
  }
}

/** Longest outlet name taken from an item: anything longer is not a name but text put where a name belongs. */
const MAX_OUTLET_LENGTH = 120

/** The title of an Atom entry's `<source>` (the feed the entry was copied from, i.e. its outlet), as plain text. */
function atomSourceTitle(source: Element | null): string | null {
  if (source === null) return null
  return outletName(atomText(child(source, 'title')))
}

/** `dc:publisher`, else a `media:credit` whose role is publisher, of an item or entry. */
function itemPublisher(item: Element): string | null {
  const credit = children(item, 'media:credit').find((c) => attr(c, 'role')?.toLowerCase() === 'publisher') ?? null
  return outletName(plainText(child(item, 'dc:publisher')) ?? plainText(credit))
}

function outletName(name: string | null): string | null {
  return name === null || name.length > MAX_OUTLET_LENGTH ? null : name
}

/** `https://www.news.example/feed` → `news.example`: what an RSS `<source url>` with no text says of the outlet. */
function hostName(url: string | null): string | null {
  if (url === null) return null
  try {
    const host = new URL(url).hostname.replace(/^www\./u, '')
    return host === '' ? null : host
  } catch {
    return null
  }
}

/** The `alternate` link (the page itself), preferring HTML, else the first link without a `rel`. */
function atomLink(parent: Element, base: string | null): string | null {
  const links = children(parent, 'link').filter((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate')
  const best = links.find((l) => /html/i.test(attr(l, 'type') ?? 'text/html')) ?? links[0]
  return best === undefined ? null : absolute(attr(best, 'href'), base)
}

/** An Atom text construct as HTML source: html as is, xhtml serialized, text escaped; null for other media. */
function atomHtml(element: Element | null): string | null {
  if (element === null || attr(element, 'src') !== null) return null
  const type = (attr(element, 'type') ?? 'text').toLowerCase()
  if (type === 'html' || type === 'text/html') return htmlSource(element)
  if (type === 'xhtml' || type === 'application/xhtml+xml') return xhtmlContent(element)
  if (type === 'text' || type === 'text/plain') {
    const plain = rawText(element)
    return plain === null ? null : escapeHtml(plain)
  }
  return null
}

/** An Atom text construct as plain text (titles). */
function atomText(element: Element | null): string | null {
  if (element === null) return null
  const type = (attr(element, 'type') ?? 'text').toLowerCase()
  if (type === 'html') {
    const html = rawText(element)
    // The decoded text is HTML source, so it is parsed once more to get the words.
    return html === null ? null : collapse(textContent(parseDocument(html)))
  }
  if (type === 'xhtml') return collapse(textContent(element))
  return plainText(element)
}

/** The children of an xhtml construct's wrapping `<div>`, which Atom says is not part of the content. */
function xhtmlContent(element: Element): string | null {
  const div = element.children.find(DomUtils.isTag)
  const container = div !== undefined && localName(div) === 'div' ? div : element
  const html = DomUtils.getInnerHTML(container, { encodeEntities: 'utf8' }).trim()
  return html === '' ? null : html
}

/** Text content, whitespace collapsed and trimmed; null when missing or blank. */
function text(element: Element | null): string | null {
  if (element === null) return null
  return collapse(textContent(element))
}

/**
 * HTML source carried by an element: normally escaped or CDATA text, which
 * decoded once is the HTML; but some feeds put the markup in unescaped, and
 * then it is serialized back rather than flattened to its text.
 */
function htmlSource(element: Element | null): string | null {
  if (element === null) return null
  if (!element.children.some(DomUtils.isTag)) return rawText(element)
  const html = DomUtils.getInnerHTML(element, { encodeEntities: 'utf8' }).trim()
  return html === '' ? null : html
}

/** Text content as the feed has it (entity-decoded once, CDATA unwrapped), trimmed; null when blank. */
function rawText(element: Element | null): string | null {
  if (element === null) return null
  const value = textContent(element).trim()
  return value === '' ? null : value
}

/**
 * Text of a plain-text field (a title) with entities decoded a second time:
 * feeds routinely double-escape (`AT&amp;amp;T`) or put `&#8217;` inside
 * CDATA, and a title meant to show a literal `&amp;` is far rarer.
 */
function plainText(element: Element | null): string | null {
  const value = text(element)
  return value === null ? null : collapse(decodeEntityLeftovers(value))
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  hellip: '…',
}

function decodeEntityLeftovers(value: string): string {
  return value.replace(/&(?:#(\d{1,7})|#x([\da-f]{1,6})|([a-z]+));/gi, (whole, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED_ENTITIES[name] ?? whole
    const code = dec !== undefined ? Number(dec) : parseInt(hex ?? '', 16)
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole
  })
}

/**
 * The text of a node and everything under it (text and CDATA, no comments),
 * as `DomUtils.textContent` gives it but with an explicit stack: a feed may
 * nest elements as deep as it likes.
 */
function textContent(node: Node | Document): string {
  const parts: string[] = []
  const stack: Array<Node | Document> = [node]
  while (stack.length > 0) {
    const current = stack.pop() as Node | Document
    if (DomUtils.isText(current)) parts.push(current.data)
    else if (DomUtils.isTag(current) || DomUtils.isCDATA(current) || DomUtils.isDocument(current)) {
      for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i] as Node)
    }
  }
  return parts.join('')
}

function isTooDeep(element: Element, maxDepth: number): boolean {
  return treeDepth<Node>(element, (node) => (DomUtils.isTag(node) ? node.children : []), maxDepth) > maxDepth
}

/** The link when it is safe to keep as an article's URL; else no link, with the dropped one kept for a diagnostic. */
function safeLink(link: string | null): { link: string | null; unsafeLink?: string } {
  return link === null || unsafeScheme(link) === null ? { link } : { link: null, unsafeLink: link }
}

function collapse(value: string): string | null {
  const collapsed = value.replace(/\s+/g, ' ').trim()
  return collapsed === '' ? null : collapsed
}

function attr(element: Element | null, name: string): string | null {
  if (element === null) return null
  const value = DomUtils.getAttributeValue(element, name)?.trim()
  return value === undefined || value === '' ? null : value
}

/** Prefixes vary (`dc:`, `atom:`, none), so elements are matched by their local name after the prefix. */
function localName(element: Element): string {
  const colon = element.name.indexOf(':')
  return colon < 0 ? element.name : element.name.slice(colon + 1)
}

/**
 * Matches an element name. A prefixed name (`dc:creator`) matches exactly; an
 * unprefixed one matches the same name or, inside a prefixed parent
 * (`<atom:feed>`), the parent's prefix: `<atom:link>` in an RSS channel or
 * `<media:title>` in an item is not the item's `link` or `title`.
 */
function nameMatches(element: Element, name: string, parent: Element): boolean {
  if (element.name === name) return true
  const colon = parent.name.indexOf(':')
  return !name.includes(':') && colon > 0 && element.name === `${parent.name.slice(0, colon)}:${name}`
}

function children(parent: Element, name: string): Element[] {
  return parent.children.filter((node: Node): node is Element => DomUtils.isTag(node) && nameMatches(node, name, parent))
}

function child(parent: Element, name: string): Element | null {
  return children(parent, name)[0] ?? null
}

function absolute(link: string | null, base: string | null): string | null {
  if (link === null) return null
  if (base === null) return link
  try {
    return new URL(link, base).href
  } catch {
    return link
  }
}

/** `jane@example.com (Jane Doe)`, the RSS 2.0 author format, → `Jane Doe`. */
function cleanAuthor(author: string | null): string | null {
  const match = author === null ? null : /^\S+@\S+\s*\((.+)\)$/.exec(author)
  return match?.[1]?.trim() ?? author
}

const RFC822 = /^(?:[A-Za-z]{3,9},?\s+)?\d{1,2}\s+[A-Za-z]{3,9}\.?\s+\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?(\s*(?:[+-]\d{4}|[A-Za-z]{1,5}))?$/
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i

/**
 * RFC 822 (RSS) and ISO 8601 (Atom, Dublin Core) dates → ISO 8601. The shape
 * is checked first because `Date` also "parses" garbage like `Mär 2025`. A
 * time without a zone is read as UTC so the result does not depend on the
 * machine running it.
 */
function parseDate(value: string | null): string | null {
  if (value === null) return null
  const trimmed = value.trim()
  if (ISO_DATE.test(trimmed)) return Number.isNaN(Date.parse(`${trimmed}T00:00:00Z`)) ? null : trimmed
  let candidate: string
  const iso = ISO_DATE_TIME.exec(trimmed)
  const rfc = iso === null ? RFC822.exec(trimmed) : null
  if (iso !== null) candidate = `${trimmed.replace(' ', 'T')}${iso[1] === undefined ? 'Z' : ''}`
  else if (rfc !== null) candidate = `${trimmed}${rfc[1] === undefined ? ' GMT' : ''}`
  else return null
  const time = Date.parse(candidate)
  return Number.isNaN(time) ? null : new Date(time).toISOString()
}

function unique(values: ReadonlyArray<string | null>): string[] {
  const seen = new Set<string>()
  for (const value of values) if (value !== null && value.trim() !== '') seen.add(value.trim())
  return [...seen]
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
