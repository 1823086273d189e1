/**
 * DOM → `Block[]`: one block per paragraph-like element, headings kept as
 * headings, whitespace collapsed. Page furniture the markup identifies
 * (captions, share bars, newsletter boxes, related-link lists) is still
 * emitted, with a `hint` naming why cleaning should remove it, so nothing
 * disappears silently.
 */
import type { Block, RemovalRule } from '../types.js'
import { type DomElement, type DomNode, TEXT_NODE, isElement } from './html-dom.js'

// Elements that start a new block; their inline content is one paragraph.
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'tr',
  'ul',
])

export const HEADING_TAGS: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])

// Never text a reader sees: code, styling, embedded objects, form controls.
export const SKIP_TAGS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'button',
  'select',
  'option',
  'input',
  'textarea',
  'head',
  'title',
  'meta',
  'link',
  'img',
  'picture',
  'source',
])

/**
 * Class and id words that name page furniture, by the rule that removes it.
 * Matched against whole words of a class or id (`article-share-bar` → share),
 * or a whole class written without separators (`sharedaddy`).
 */
const CLASS_WORD_RULES: ReadonlyArray<readonly [RemovalRule, readonly string[]]> = [
  // Text inside an image's container is its caption or credit.
  [
    'caption',
    [
      'caption',
      'captions',
      'figcaption',
      'wp-caption-text',
      'figure',
      'gallery',
      'slideshow',
      'slider',
      'carousel',
      'image',
      'images',
      'img',
      'photo',
      'photos',
      'picture',
    ],
  ],
  ['image-credit', ['credit', 'credits', 'copyright', 'photocredit', 'imagecredit']],
  ['share', ['share', 'shares', 'sharing', 'social', 'sharebar', 'sharedaddy', 'addthis', 'sharethis', 'sociable']],
  ['subscribe', ['newsletter', 'newsletters', 'subscribe', 'subscription', 'signup', 'optin']],
  ['donate', ['donate', 'donation', 'donations']],
  ['membership', ['paywall', 'membership']],
  [
    'promo',
    [
      'related',
      'promo',
      'promos',
      'promotion',
      'recommended',
      'recommendations',
      'outbrain',
      'taboola',
      'sponsored',
      'ad',
      'ads',
      'advert',
      'adverts',
      'advertisement',
      'adslot',
      'adsbygoogle',
      'dfp',
      'readmore',
      'alsoread',
      'mostread',
      'mostpopular',
      'trending',
      'morestories',
      'upnext',
      'sidebar',
      'widget',
      'widgets',
    ],
  ],
  ['contributor', ['bio', 'authorbio', 'authorinfo', 'aboutauthor', 'authorbox', 'byline', 'bylines', 'author', 'authors', 'submittedby']],
  // The line under the headline with the date (and often author and categories): `entry-meta`, `post-info`.
  ['dateline', ['dateline', 'timestamp', 'pubdate', 'date', 'published', 'meta', 'postmeta', 'postinfo', 'entrymeta']],
  // Comment counts and threads are page furniture that leads elsewhere, like navigation.
  ['navigation', ['breadcrumb', 'breadcrumbs', 'nav', 'navigation', 'menu', 'pagination', 'pager', 'tags', 'taglist', 'comments', 'comment', 'disqus']],
  ['banner', ['cookie', 'cookies', 'gdpr', 'consent']],
]

const WORD_TO_RULE = new Map<string, RemovalRule>(CLASS_WORD_RULES.flatMap(([rule, words]) => words.map((w) => [w, rule] as const)))

// WordPress and similar CMSs put the post's categories and tags on the article
// element as classes (`category-social`, `tag-newsletter`); they say nothing about layout.
const TAXONOMY_CLASS = /^(?:category|tag|type|status|format|has)-|^post-\d+$/i

const STATE_WORDS = new Set(['has', 'with', 'without', 'no', 'is', 'show', 'hide', 'enable', 'enabled', 'disable'])

const TAG_RULES: Readonly<Record<string, RemovalRule>> = {
  figcaption: 'caption',
  // Everything in a figure besides the image is its caption or credit.
  figure: 'caption',
  nav: 'navigation',
  // Inside the content, <header> holds the headline, standfirst, byline and date: the article's top matter.
  header: 'title',
}

/**
 * The removal rule an element's class, id or tag names, if any.
 *
 * @example
 * elementHint(<div class="post-share-buttons">) // => 'share'
 */
export function elementHint(el: DomElement): RemovalRule | undefined {
  // The page's own classes ("menu-type-dropdown" on <body>) describe the whole page.
  if (el.localName === 'body' || el.localName === 'html') return undefined
  const byTag = TAG_RULES[el.localName]
  if (byTag !== undefined) return byTag
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.trim()
  if (names === '') return undefined
  for (const name of names.split(/\s+/)) {
    if (TAXONOMY_CLASS.test(name)) continue
    const compact = name.toLowerCase().replace(/[-_:.]+/g, '')
    const whole = WORD_TO_RULE.get(compact)
    if (whole !== undefined) return whole
    const words = classWords(name)
    for (let i = 0; i < words.length; i++) {
      const rule = WORD_TO_RULE.get(words[i] ?? '')
      // State modifiers describe the element, they do not name it: `card--has-image`, `no-ads`.
      if (rule !== undefined && !STATE_WORDS.has(words[i - 1] ?? '')) return rule
    }
  }
  return undefined
}

/** `articleShare-bar_top` → ['article', 'share', 'bar', 'top']. */
function classWords(name: string): string[] {
  return name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '')
}

/**
 * Furniture the page's markup named before extraction rewrote it. Readability
 * renames and unwraps elements (a `<div class="caption">` holding one line
 * becomes a bare `<p>`), but it moves text nodes rather than copying them, so
 * marks keyed by text node survive.
 */
export interface FurnitureMarks {
  /** Text node → the nearest enclosing element whose markup names furniture. */
  readonly owner: ReadonlyMap<DomNode, DomElement>
  /** Marked element → its rule and the next marked element around it. */
  readonly marked: ReadonlyMap<DomElement, { readonly rule: RemovalRule; readonly outer: DomElement | undefined }>
}

/** Records, for every text node under `root`, which furniture element (if any) holds it. */
export function markFurniture(root: DomElement): FurnitureMarks {
  const owner = new Map<DomNode, DomElement>()
  const marked = new Map<DomElement, { rule: RemovalRule; outer: DomElement | undefined }>()
  const visit = (node: DomNode, nearest: DomElement | undefined): void => {
    if (node.nodeType === TEXT_NODE) {
      if (nearest !== undefined) owner.set(node, nearest)
      return
    }
    if (!isElement(node) || SKIP_TAGS.has(node.localName)) return
    const rule = elementHint(node)
    let inner = nearest
    if (rule !== undefined) {
      marked.set(node, { rule, outer: nearest })
      inner = node
    }
    const children = node.childNodes
    for (let i = 0; i < children.length; i++) {
      const child = children[i]
      if (child !== undefined) visit(child, inner)
    }
  }
  visit(root, undefined)
  return { owner, marked }
}

/** Options for `domToBlocks`. */
export interface DomToBlocksOpts {
  /**
   * A hint is ignored on an element holding more than this share of the
   * root's text: a container with most of the text is the story, whatever
   * its class says.
   * @default 0.4
   */
  readonly maxHintShare?: number
  /** Marks taken from the page before extraction (see `markFurniture`). */
  readonly marks?: FurnitureMarks
  /**
   * Whether class and id words hint furniture; without them only tags do (figure, nav, header). Off for the
   * fallback that reads a page the class words emptied. @default true
   */
  readonly classHints?: boolean
}

interface Open {
  parts: string[]
  kind: Block['kind']
  /** The furniture rule of the block's text so far; text under another rule starts a new block. */
  rule: RemovalRule | undefined
  /** Characters of the block inside links, and inside <time> elements. */
  linked: number
  timed: number
}

/**
 * Converts the content under `root` into blocks.
 *
 * @example
 * domToBlocks(<div><h2>Vote</h2><p>Polls  open.</p><figcaption>A booth</figcaption></div>)
 * // => [{ kind: 'heading', text: 'Vote' }, { kind: 'text', text: 'Polls open.' },
 * //     { kind: 'text', text: 'A booth', hint: 'caption' }]
 */
export function domToBlocks(root: DomElement, opts?: DomToBlocksOpts): Block[] {
  const maxShare = opts?.maxHintShare ?? 0.4
  const classHints = opts?.classHints ?? true
  const rootLength = textLength(root)
  const limit = Math.max(200, maxShare * rootLength)
  const markRule = opts?.marks === undefined ? () => undefined : markResolver(root, opts.marks, limit)
  const blocks: Block[] = []
  const fresh = (kind: Block['kind']): Open => ({ parts: [], kind, rule: undefined, linked: 0, timed: 0 })
  let open = fresh('text')
  let inLink = false
  let inTime = false

  const flush = (): void => {
    const text = collapse(open.parts.join(''))
    const hint = open.rule ?? textShapeHint(text, open)
    open.parts = []
    open.rule = undefined
    open.linked = 0
    open.timed = 0
    if (text === '') return
    blocks.push(hint === undefined ? { kind: open.kind, text } : { kind: open.kind, text, hint })
  }

  const teasers = teaserArticles(root)
  const hintOf = (el: DomElement, inherited: RemovalRule | undefined): RemovalRule | undefined => {
    if (inherited !== undefined) return inherited
    if (teasers.has(el)) return 'promo'
    const hint = classHints ? elementHint(el) : TAG_RULES[el.localName]
    // Class words can name the story's own container ("article social-enabled").
    return hint === undefined || textLength(el) > limit ? undefined : hint
  }

  const visitText = (node: DomNode, hint: RemovalRule | undefined): void => {
    const value = node.nodeValue ?? ''
    const length = value.replace(/\s/g, '').length
    if (length > 0) {
      const rule = hint ?? markRule(node)
      // Furniture inside a paragraph ("… <span class=share>Share</span>") becomes its own block.
      if (rule !== open.rule && open.parts.some((p) => /\S/.test(p))) flush()
      open.rule = rule
    }
    open.parts.push(value)
    if (inLink) open.linked += length
    if (inTime) open.timed += length
  }

  const visit = (node: DomNode, hint: RemovalRule | undefined): void => {
    if (node.nodeType === TEXT_NODE) {
      visitText(node, hint)
      return
    }
    if (!isElement(node)) return
    const tag = node.localName
    if (SKIP_TAGS.has(tag) || isHidden(node)) return
    if (tag === 'br') {
      // A line break ends a line of text; as a paragraph boundary it keeps
      // "Photo: …<br>Story text" from merging into one block.
      flush()
      return
    }
    const own = hintOf(node, hint)
    const wasInLink = inLink
    const wasInTime = inTime
    if (tag === 'a') inLink = true
    if (tag === 'time') inTime = true
    if (!BLOCK_TAGS.has(tag)) {
      if (tag === 'td' || tag === 'th') open.parts.push(' ')
      visitChildren(node, own)
      if (tag === 'td' || tag === 'th') open.parts.push(' ')
    } else {
      flush()
      const outer = open
      open = fresh(HEADING_TAGS.has(tag) ? 'heading' : outer.kind)
      visitChildren(node, own)
      flush()
      open = outer
    }
    inLink = wasInLink
    inTime = wasInTime
  }

  const visitChildren = (el: DomElement, hint: RemovalRule | undefined): void => {
    const children = el.childNodes
    for (let i = 0; i < children.length; i++) {
      const child = children[i]
      if (child !== undefined) visit(child, hint)
    }
  }

  visit(root, undefined)
  flush()
  return labelFurnitureSections(blocks)
}

/**
 * When the content holds several <article> elements, the one with the most
 * text is the story and the others are teasers for other stories (sites mark
 * up each teaser in a "more stories" rail as an article).
 */
function teaserArticles(root: DomElement): Set<DomElement> {
  const all = Array.from(root.querySelectorAll('article'))
  const outermost = all.filter((a) => !all.some((b) => b !== a && contains(b, a)))
  if (outermost.length < 2) return new Set()
  let main: DomElement | undefined
  let best = -1
  for (const a of outermost) {
    const length = textLength(a)
    if (length > best) {
      best = length
      main = a
    }
  }
  return new Set(outermost.filter((a) => a !== main))
}

function contains(outer: DomElement, inner: DomElement): boolean {
  for (let el: DomElement | null = inner.parentElement; el !== null; el = el.parentElement) if (el === outer) return true
  return false
}

// Rules for furniture that comes as a section: a list of other stories, a share bar.
const SECTION_RULES: ReadonlySet<RemovalRule> = new Set(['promo', 'share', 'subscribe', 'navigation'])
const LABEL_MAX_WORDS = 6

/**
 * A short line that introduces a run of furniture ("More:", "You may also
 * like", "Related stories") belongs to it. The run must be at least two
 * blocks or reach the end of the content, so a real subheading followed by
 * one stray link keeps its place.
 */
function labelFurnitureSections(blocks: Block[]): Block[] {
  return blocks.map((block, i) => {
    if (block.hint !== undefined || block.text.split(/\s+/).length > LABEL_MAX_WORDS) return block
    const rule = blocks[i + 1]?.hint
    if (rule === undefined || !SECTION_RULES.has(rule)) return block
    let end = i + 1
    while (blocks[end]?.hint === rule) end++
    return end - (i + 1) >= 2 || end === blocks.length ? { ...block, hint: rule } : block
  })
}

/**
 * Text node → furniture rule from marks made before extraction. A marked
 * element that supplies more than `limit` characters of the content is the
 * story itself and is ignored; of the rest, the outermost decides (a
 * caption inside a related-stories box is part of the promo).
 */
function markResolver(root: DomElement, marks: FurnitureMarks, limit: number): (node: DomNode) => RemovalRule | undefined {
  const supplied = new Map<DomElement, number>()
  const count = (node: DomNode): void => {
    if (node.nodeType === TEXT_NODE) {
      const length = collapse(node.nodeValue ?? '').length
      for (let el = marks.owner.get(node); el !== undefined; el = marks.marked.get(el)?.outer) {
        supplied.set(el, (supplied.get(el) ?? 0) + length)
      }
      return
    }
    if (!isElement(node) || SKIP_TAGS.has(node.localName)) return
    const children = node.childNodes
    for (let i = 0; i < children.length; i++) {
      const child = children[i]
      if (child !== undefined) count(child)
    }
  }
  count(root)
  return (node) => {
    let rule: RemovalRule | undefined
    for (let el = marks.owner.get(node); el !== undefined;) {
      const mark = marks.marked.get(el)
      if (mark === undefined) break
      if ((supplied.get(el) ?? 0) <= limit) rule = mark.rule
      el = mark.outer
    }
    return rule
  }
}

const LOOKS_LIKE_ADDRESS = /^(?:https?:\/\/|www\.)\S+$|^[\w-]+(?:\.[\w-]+)+(?:\/\S*)?$/i

/**
 * Hints from how a block is made rather than what its markup is called: a
 * paragraph (or heading) that is all link is a pointer to another page, and
 * one that is mostly a <time> is the story's date line.
 */
function textShapeHint(text: string, open: Open): RemovalRule | undefined {
  const length = text.replace(/\s/g, '').length
  if (length === 0) return undefined
  if (open.timed >= 0.5 * length) return 'dateline'
  // A bare address is a cited source the story shows, not a link to another story.
  if (open.linked >= 0.9 * length && !LOOKS_LIKE_ADDRESS.test(text)) return 'promo'
  return undefined
}

/** Collapses whitespace and drops zero-width characters. */
function collapse(text: string): string {
  return text
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    .replace(/[\s\u00A0]+/g, ' ')
    .trim()
}

function textLength(el: DomElement): number {
  return collapse(el.textContent ?? '').length
}

// Classes that by convention hide text from sighted readers: screen-reader
// labels and print-only copies (a printed page's header repeats the URL and headline).
const HIDDEN_CLASS = new RegExp(
  String.raw`(?:^|\s)(?:sr-only|screen-reader-(?:text|only)|visually-?hidden|a11y-hidden|hidden|hide|` +
    String.raw`print-only|printonly|print-header|print-footer)(?:\s|$)`,
  'i',
)

// Hover cards (a person's photo, title and latest stories shown when the
// pointer rests on their name) sit inside the paragraph but are hidden.
const HOVER_WORDS = new Set(['tooltip', 'popover', 'popup', 'hovercard', 'rollover', 'flyout'])

/** Hidden by attribute, inline style or a conventional hiding class: not text the reader sees. */
function isHidden(el: DomElement): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true
  const style = el.getAttribute('style')
  if (style !== null && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style)) return true
  const cls = el.getAttribute('class')
  if (cls === null) return false
  if (HIDDEN_CLASS.test(cls)) return true
  return isHoverCard(el, cls)
}

/**
 * A hover card, but not its trigger: sites often wrap the visible link and
 * the card in one element of the same family (`person-rollover` holding the
 * name link and the card), and the name must stay.
 */
function isHoverCard(el: DomElement, cls: string): boolean {
  if (!classWords(cls).some((w) => HOVER_WORDS.has(w))) return false
  return el.children[0]?.localName !== 'a'
}
