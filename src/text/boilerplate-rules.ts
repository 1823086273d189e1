/**
 * What sites put around a story, as line rules. Each rule describes a kind of
 * page furniture that news sites and republishers add (promos, share bars,
 * donation and membership blurbs, photo credits, contributor lines), never
 * one site's strings. A rule matches a whole block; the few that can hide at
 * the end of a real paragraph (a "Read the full article at …" credit) are
 * fragment rules and cut only that tail.
 */
import type { RemovalRule } from '../types.js'
import { countWords } from './normalize.js'

/** Metadata a boilerplate line gives away while it is removed. */
export interface LineFacts {
  readonly outlet?: string
  readonly byline?: string
  readonly creditedSource?: string
}

export interface LineRule {
  readonly rule: RemovalRule
  readonly reason: string
  /** Longer blocks are real paragraphs, whatever they contain. */
  readonly maxWords: number
  readonly pattern: RegExp
  /** Reads facts from the match and the whole block (the outlet a footer names, a contributor's name). */
  readonly facts?: (match: RegExpExecArray, text: string) => LineFacts
}

// A name as sites write their own: capitalised words, possibly with "&", "of", "the".
const NAME = String.raw`((?:The\s+)?[\p{Lu}\d][\p{L}\d&.'’-]*(?:\s+(?:of|the|and|&|for|de|la|al|el)?\s*[\p{Lu}\d][\p{L}\d&.'’-]*){0,5})`

/** Rules for whole blocks, tried in order; the first that matches decides. */
export const LINE_RULES: readonly LineRule[] = [
  {
    rule: 'promo',
    reason: 'promo for another article ("Read more:", "Related:")',
    maxWords: 30,
    pattern:
      /^(?:read more|read also|also read|more reading|related(?: stories| articles| coverage| content| news| reading)?|see also|more from [^:]{1,40}|recommended(?: reading)?|you may also like|you might also like|suggested reading|further reading|most read|trending(?: now)?|popular now|editor'?s picks?|don'?t miss|watch|listen)\s*[:|»>–—-]\s*\S/iu,
  },
  {
    rule: 'promo',
    reason: 'link stub pointing elsewhere ("See more photos here.")',
    maxWords: 10,
    pattern: /^(?:see|view|watch|read|click|tap|listen to|find|check out)\b.{0,60}\b(?:here|below|link)\s*[.!:]?$/iu,
  },
  {
    rule: 'promo',
    reason: 'section label of a promo or advertising slot',
    maxWords: 6,
    pattern:
      /^(?:advertisement|advert|advertising|sponsored(?: content| links?)?|promoted(?: content)?|(?:the )?story continues (?:below|after (?:the )?(?:advertisement|ad))|continue reading (?:below|the main story)|scroll (?:down )?to continue(?: with content)?|(?:you )?(?:may|might) also (?:like|enjoy|be interested in)|don'?t miss|recent (?:articles|posts|stories)|related (?:articles|posts|stories|coverage|content|reading|news)|more (?:stories|articles|news)(?: from [^:]{1,30})?|most (?:read|popular|viewed|shared)|popular (?:now|today|this week)|trending(?: now| stories)?|editor'?s picks?|top stories|latest news|recommended(?: for you| stories)?)\s*[:.!]?$/iu,
  },
  {
    rule: 'comments',
    reason: 'comment section label',
    maxWords: 8,
    pattern:
      /^(?:\d+\s+)?(?:comments?|responses?|replies)(?:\s*\(\d+\))?$|^(?:leave|post|add|write|show|view|load) (?:a |your |all |more )?(?:comments?|reply|replies|responses?)\b|^join the (?:conversation|discussion)\b|^comments (?:are|have been) closed\b|^tell us what you think\b/iu,
  },
  {
    rule: 'navigation',
    reason: 'tags, categories or reading time',
    maxWords: 25,
    pattern:
      /^(?:tags?|tagged(?: with)?|topics?|filed under|posted in|categories|category)\s*:\s*\S|^(?:\d+\s*(?:min(?:ute)?s?|m)\s+read|reading time\s*:?\s*\d+\s*(?:min(?:ute)?s?)?)\.?$/iu,
  },
  {
    rule: 'copyright',
    reason: 'copyright notice',
    maxWords: 30,
    // "© 2026 …", "Copyright 2026 …", "… All rights reserved." (not a sentence about copyright lawyers).
    pattern: /^(?:©|\(c\)\s*\d{4})|^copyright\s*(?:©|\(c\))?\s*\d{4}\b|\ball rights reserved\.?$/iu,
  },
  {
    rule: 'share',
    reason: 'share or follow call to action',
    maxWords: 60,
    pattern:
      /\b(?:click (?:the|on the) share button|share (?:it|this) with (?:a friend|your friends)|share this (?:article|story|post|page)|share (?:it )?on (?:facebook|twitter|x|whatsapp|telegram|linkedin)|follow us on\b|like us on facebook|feel free to (?:re-?post|share|republish)|re-?post .{0,60} with proper attribution|join (?:us|our channel) on (?:telegram|twitter|x|facebook|whatsapp)|on our (?:facebook|twitter|telegram|instagram|youtube|x) (?:page|channel|account|feed))\b/iu,
    facts: (_m, text) => selfNamedOutlet(text),
  },
  {
    rule: 'subscribe',
    reason: 'newsletter or subscription call to action',
    maxWords: 50,
    pattern:
      /\b(?:subscribe to (?:our|the) (?:newsletter|channel|daily|weekly|podcast|updates|telegram)|sign up (?:for|to) (?:our|the) (?:\w+ )?(?:newsletter|briefing|email|updates)|get (?:our|the) (?:\w+ )?newsletter|newsletter sign[- ]?up|subscribe (?:now|today|here)|already a subscriber|to continue reading,? subscribe)\b/iu,
  },
  {
    rule: 'donate',
    reason: 'donation appeal',
    maxWords: 70,
    // An appeal, not a story about donations: the wording asks the reader.
    pattern:
      /\b(?:(?:reader|listener|viewer)[- ](?:funded|supported)|help us stay afloat|support (?:our|independent|quality) (?:journalism|reporting|work)|(?:make|making) an? (?:(?:one[- ]time|recurring|monthly|small|tax[- ]deductible)(?: or (?:one[- ]time|recurring|monthly))? )?(?:donation|contribution)(?: to (?:us|our)| today| now|\.|$)|donate (?:now|today|here|to us|to (?:our|this) (?:site|newsroom|work|journalism))|please (?:donate|support us)|chip in\b|become a (?:patron|supporter)\b|we (?:rely|depend) on (?:readers|your support|donations))/iu,
    facts: (_m, text) => selfNamedOutlet(text),
  },
  {
    rule: 'membership',
    reason: 'membership call to action',
    maxWords: 20,
    pattern: new RegExp(String.raw`^(?:become|join as) an? (?:member|subscriber|patron|supporter)(?: of ${NAME})?\s*[.!]?$`, 'iu'),
    facts: (m) => (m[1] === undefined ? {} : { outlet: m[1] }),
  },
  {
    rule: 'image-credit',
    reason: 'image credit',
    maxWords: 15,
    pattern:
      /^(?:(?:featured|cover|header|main|top|lead|hero|feature) (?:image|photo|picture)(?: is)?(?: from| by| courtesy of| credit)?|(?:image|photo|picture|illustration|graphic)s? (?:credits?|courtesy|source|by|from)|credits?)\s*[:\-–—]?\s*\S/iu,
  },
  {
    rule: 'caption',
    reason: 'photo caption with its credit',
    maxWords: 80,
    // "(AP Photo/Jane Doe)", "(Photo: Jane Doe/Agency)", "(Reuters/Jane Doe)", "| Photo: Agency"
    pattern:
      /(?:\((?:[\p{L}. ]{1,30} )?(?:photo|photos|image|picture|pic|file photo|foto)\s*(?:[/:]|by\b)[^()]{1,80}\)|\((?:AP|AFP|Reuters|EPA|Getty(?: Images)?|Xinhua|ANP|dpa|Anadolu|Sputnik|TASS|SANA)\s*\/\s*[^()]{1,60}\)|[|•]\s*(?:photo|image|credit)\s*:\s*[^|]{1,60})\s*$/iu,
  },
  {
    rule: 'source-link',
    reason: '"Source link" line',
    maxWords: 4,
    pattern: /^(?:source link|source|original (?:article|source|link)|view original|go to source|via)\s*[:.]?\s*$/iu,
  },
  {
    rule: 'contributor',
    reason: 'contributor line',
    maxWords: 25,
    // "Jane Doe contributed to this report for The Daily Example."
    pattern: new RegExp(
      String.raw`^(.{2,80}?) (?:contributed|contributes) (?:reporting |to this (?:report|article|story))(?:\s*(?:for|from|to) ${NAME})?\s*\.?$`,
      'iu',
    ),
    facts: (m) => ({
      ...(m[1] === undefined ? {} : { byline: m[1].trim() }),
      ...(m[2] === undefined ? {} : { outlet: m[2].trim() }),
    }),
  },
  {
    rule: 'contributor',
    reason: 'reporting and editing credit',
    maxWords: 30,
    pattern: /^\(?\s*(?:additional )?reporting by ([^;)]{2,80}?)(?:\s*[;,]\s*(?:additional reporting|writing|editing) by [^)]*)?\s*\)?\s*\.?$/iu,
    facts: (m) => (m[1] === undefined ? {} : { byline: m[1].trim() }),
  },
  {
    rule: 'credit-line',
    reason: 'credits the original publisher',
    maxWords: 25,
    pattern: new RegExp(
      String.raw`^(?:this (?:article|story|report|piece|post) )?(?:was )?(?:originally|first) (?:appeared|published|posted|ran)(?: (?:on|in|at|by))? ${NAME}\s*\.?$`,
      'iu',
    ),
    facts: (m) => (m[1] === undefined ? {} : { creditedSource: outletFromCredit(m[1]) }),
  },
]

/** Rules that cut a trailing sentence off a real paragraph. */
export const FRAGMENT_RULES: readonly LineRule[] = [
  {
    rule: 'credit-line',
    reason: 'credits the original publisher',
    maxWords: 12,
    pattern:
      /(?:^|(?<=[.!?…"”’]\s{0,3}))\s*(?:read|see|view|continue reading) (?:the )?(?:full|original|complete|entire|whole|rest of the)? ?(?:article|story|report|piece)? ?(?:at|on|via)\s+([\p{L}\d][\p{L}\d.-]*\.[\p{L}]{2,}|[\p{Lu}][\p{L}\d&.'’-]*(?: [\p{Lu}][\p{L}\d&.'’-]*){0,3})\s*[.!]?\s*$/iu,
    facts: (m) => (m[1] === undefined ? {} : { creditedSource: outletFromCredit(m[1]) }),
  },
]

/**
 * An outlet's name from how a credit line writes it: a bare domain gives its
 * name part ("RT.com" → "RT", "www.example-news.org" → "example-news.org"
 * kept whole when the name is long and lower-case, since we cannot know its
 * spacing); a name is kept as written.
 *
 * @example
 * outletFromCredit('RT.com') // => 'RT'
 * outletFromCredit('HarbourPost.example') // => 'HarbourPost'
 */
export function outletFromCredit(written: string): string {
  const text = written.trim().replace(/[.!]+$/u, '')
  const domain = /^(?:https?:\/\/)?(?:www\.)?([\p{L}\d-]+)((?:\.[\p{L}\d-]+)*\.[\p{L}]{2,})$/iu.exec(text)
  if (domain === null) return text
  const name = domain[1] ?? text
  if (/\p{Lu}/u.test(name)) return name
  if (name.length <= 4) return name.toUpperCase()
  return `${name}${domain[2] ?? ''}`
}

// "Example Times is a reader-funded media", "repost Example Times articles".
const SELF_NAMED = [
  new RegExp(String.raw`^${NAME} is an? (?:independent,? )?(?:reader|listener|viewer|member)[- ](?:funded|supported)`, 'u'),
  new RegExp(String.raw`\b(?:re-?post|republish|share) ${NAME} (?:articles|stories|content)\b`, 'u'),
]

/** The outlet a footer names as itself, if it does. */
export function selfNamedOutlet(text: string): LineFacts {
  for (const pattern of SELF_NAMED) {
    const match = pattern.exec(text)
    if (match?.[1] !== undefined) return { outlet: match[1].trim() }
  }
  return {}
}

/** Word count as rules measure it. */
export function wordCount(text: string): number {
  return countWords(text)
}
