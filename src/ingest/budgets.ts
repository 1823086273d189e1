/**
 * Budgets for reading one input that are not about bytes: how deep its
 * structure may nest. Every reader that walks a tree (JSON values, feed
 * XML, HTML for Readability and the block extractor) checks the depth here,
 * with loops rather than recursion, before anything recursive touches it, so
 * no input can exhaust the stack or make Readability's work grow with the
 * cube of its nesting. Over the budget, that input (one JSON line, one feed
 * item, one page) fails with `INPUT_TOO_DEEP` and the run goes on.
 */
import { InputError } from '../errors.js'

/**
 * Deepest nesting read, in levels (JSON arrays and objects, XML or HTML
 * elements). News pages nest a few dozen elements deep and JSON exports a
 * handful of levels; at 256 Readability still reads a page in about a tenth
 * of a second, where 2,000 nested `div`s took it minutes.
 */
export const DEFAULT_MAX_DEPTH = 256

/**
 * How deep a JSON text nests arrays and objects, counted by a scan of its
 * characters (strings skipped), stopping as soon as `limit` is passed: the
 * result is then `limit + 1`.
 *
 * @example
 * jsonDepth('{"a":[1,[2]]}', 256) // => 3
 */
export function jsonDepth(text: string, limit: number): number {
  let depth = 0
  let deepest = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c)
        i++ // a backslash escapes the next character
      else if (c === 0x22) inString = false
      continue
    }
    if (c === 0x22) inString = true
    else if (c === 0x5b || c === 0x7b) {
      depth++
      if (depth > deepest) {
        deepest = depth
        if (deepest > limit) return deepest
      }
    } else if (c === 0x5d || c === 0x7d) depth--
  }
  return deepest
}

/**
 * How deep the elements under `root` nest (the root is level 1), by an
 * explicit stack, stopping once `limit` is passed. Works on any tree given
 * a way to list a node's child elements.
 */
export function treeDepth<T>(root: T, children: (node: T) => ArrayLike<T>, limit: number): number {
  return treeShape(root, children, limit).depth
}

/**
 * How deep the elements under `root` nest and how many there are, by an
 * explicit stack; counting stops once the depth passes `limit`.
 */
export function treeShape<T>(root: T, children: (node: T) => ArrayLike<T>, limit: number): { depth: number; elements: number } {
  const stack: Array<{ node: T; depth: number }> = [{ node: root, depth: 1 }]
  let deepest = 0
  let elements = 0
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: T; depth: number }
    elements++
    if (depth > deepest) {
      deepest = depth
      if (deepest > limit) break
    }
    const kids = children(node)
    for (let i = 0; i < kids.length; i++) stack.push({ node: kids[i] as T, depth: depth + 1 })
  }
  return { depth: deepest, elements }
}

/**
 * Work Readability may be given, as elements × depth²: its time grows about
 * with the number of elements and the square of their nesting (3,000
 * paragraphs 64 deep take it 1.3 s, 128 deep 5 s, 250 deep 13 s). News pages
 * are far below (2,000 elements 30 deep is 1.8 million); above it the page
 * is read by the linear densest-container extractor instead.
 */
export const READABILITY_WORK_BUDGET = 16_000_000

/** The failure for an input nested deeper than the budget, naming the limit. */
export function tooDeep(what: string, limit: number, input: string): InputError {
  return new InputError('INPUT_TOO_DEEP', `${what} nests more than ${limit} levels deep, over the depth limit (maxDepth ${limit})`, { input })
}

/** HTML elements that never hold others, and those a parser closes when a sibling opens: neither adds depth. */
const FLAT_HTML = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'p',
  'li',
  'dd',
  'dt',
  'option',
  'tr',
  'td',
  'th',
  'thead',
  'tbody',
  'tfoot',
])
/** HTML elements whose content is raw text, where a `<` is not a tag. */
const RAW_HTML = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript'])
/** Levels above a feed item or a page's content (rss > channel > item, html > body) that the cap leaves room for. */
const CAP_SLACK = 8

/**
 * Markup with its nesting capped before it reaches a parser: htmlparser2
 * (feeds) and linkedom (pages) take time that grows with the square of the
 * depth, so 16 MiB of open tags would stall a parse for half an hour. One
 * linear scan keeps a stack of open elements as a parser would (a close tag
 * pops everything above its element; a stray one changes nothing); tags that
 * would nest deeper than `maxDepth` plus a few levels are removed, their text
 * kept. The parsed tree is then still deeper than `maxDepth`, so the item or
 * page it belongs to fails its depth check, and nothing else does. Comments,
 * CDATA sections, processing instructions and (for HTML) raw-text elements
 * are skipped. Returns the text unchanged when it is within the cap.
 */
export function capMarkupDepth(text: string, maxDepth: number, mode: 'html' | 'xml'): string {
  const cap = maxDepth + CAP_SLACK
  const stack: string[] = []
  const open = new Map<string, number>()
  // Opens removed past the cap, by name: their closes are removed too.
  let dropped = new Map<string, number>()
  const kept: string[] = []
  let copiedTo = 0
  let capped = false
  let at = text.indexOf('<')
  while (at >= 0 && at < text.length) {
    let end: number
    if (text.startsWith('<!--', at)) end = closeAt(text, '-->', at + 4)
    else if (text.startsWith('<![CDATA[', at)) end = closeAt(text, ']]>', at + 9)
    else if (text.startsWith('<?', at) || text.startsWith('<!', at)) end = closeAt(text, '>', at + 2)
    else {
      const tag = /^<(\/?)([A-Za-z_][\w:.-]*)/u.exec(text.slice(at, at + 128))
      end = closeAt(text, '>', at + 1)
      if (tag !== null) {
        const closing = tag[1] === '/'
        const name = mode === 'html' ? (tag[2] as string).toLowerCase() : (tag[2] as string)
        const selfClosing = text.charCodeAt(end - 2) === 0x2f // "/>"
        const nests = !selfClosing && !(mode === 'html' && FLAT_HTML.has(name))
        let drop = false
        if (nests && !closing) {
          if (stack.length >= cap) {
            drop = true
            dropped.set(name, (dropped.get(name) ?? 0) + 1)
          } else {
            stack.push(name)
            open.set(name, (open.get(name) ?? 0) + 1)
          }
        } else if (nests && closing) {
          if ((dropped.get(name) ?? 0) > 0) {
            drop = true
            dropped.set(name, (dropped.get(name) ?? 0) - 1)
          } else if ((open.get(name) ?? 0) > 0) {
            // The parser closes every element opened after this one, the removed ones included.
            for (let popped = stack.pop(); popped !== undefined; popped = stack.pop()) {
              open.set(popped, (open.get(popped) ?? 1) - 1)
              if (popped === name) break
            }
            dropped = new Map()
          }
        }
        if (drop) {
          capped = true
          kept.push(text.slice(copiedTo, at))
          copiedTo = end
        }
        if (!closing && mode === 'html' && RAW_HTML.has(name)) {
          const close = new RegExp(`</${name}`, 'giu')
          close.lastIndex = end
          end = close.exec(text)?.index ?? text.length
        }
      }
    }
    at = text.indexOf('<', end)
  }
  if (!capped) return text
  kept.push(text.slice(copiedTo))
  return kept.join('')
}

/** The index just past `marker` from `from`, or the end of the text when it is missing. */
function closeAt(text: string, marker: string, from: number): number {
  const found = text.indexOf(marker, from)
  return found < 0 ? text.length : found + marker.length
}
