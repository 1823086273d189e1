/**
 * Naming an article or a story on the command line. An article is named by
 * its id or a unique prefix of at least 4 hex digits, a story by its number;
 * an all-digit value can be both (`2960` is story 2960 and a prefix of
 * article `2960c1…`), so `article:<id>` and `story:<n>` say which, and a
 * bare value that names both is refused with the two spellings to choose.
 */
import { CrosscheckError } from '../errors.js'
import type { ArticleStore, StoryStore } from '../storage.js'
import type { Article, StoryDetail } from '../types.js'

/** An article or a story, found. */
export type Target = { readonly kind: 'article'; readonly article: Article } | { readonly kind: 'story'; readonly story: StoryDetail }

/** The longest number read as a story when no `story:`/`article:` form is given (a longer one is an article prefix). */
const MAX_STORY_DIGITS = 6
/** The shortest article id prefix the store accepts. */
const MIN_PREFIX = 4

/**
 * The article or story `raw` names, for the command `command` (used in the
 * messages). Throws `NOT_FOUND` when nothing matches and `AMBIGUOUS_ID` when
 * a bare number is both a story and an article prefix.
 *
 * @example
 * await resolveTarget(store, 'story:1', 'claims') // => { kind: 'story', story: { id: 1, … } }
 */
export async function resolveTarget(store: Pick<ArticleStore, 'getArticle'> & Pick<StoryStore, 'getStory'>, raw: string, command: string): Promise<Target> {
  const explicit = /^(article|story):(.*)$/u.exec(raw)
  if (explicit?.[1] === 'story') return { kind: 'story', story: await storyNamed(store, explicit[2] ?? '', raw) }
  if (explicit?.[1] === 'article') return { kind: 'article', article: await articleNamed(store, explicit[2] ?? '', raw) }
  const digits = /^\d+$/u.test(raw)
  const maybeStory = digits && raw.length <= MAX_STORY_DIGITS
  const maybeArticle = !digits || raw.length >= MIN_PREFIX
  if (!maybeArticle) return { kind: 'story', story: await storyNamed(store, raw, raw) }
  if (!maybeStory) return { kind: 'article', article: await articleNamed(store, raw, raw) }
  // Both readings are possible: look both up.
  const story = await store.getStory(Number(raw))
  let article: Article | null
  try {
    article = await store.getArticle(raw)
  } catch (error) {
    // A prefix of several articles: ambiguous as an article, but a story may still be meant.
    if (story === null) throw error
    return ambiguous(raw, command)
  }
  if (story !== null && article !== null) return ambiguous(raw, command, article.id)
  if (story !== null) return { kind: 'story', story }
  if (article !== null) return { kind: 'article', article }
  throw new CrosscheckError('NOT_FOUND', `no story ${raw} and no article whose id starts with ${raw} (see crosscheck stories, crosscheck articles)`, {
    input: raw,
  })
}

function ambiguous(raw: string, command: string, articleId?: string): never {
  throw new CrosscheckError(
    'AMBIGUOUS_ID',
    `${raw} is both story ${raw} and ${articleId === undefined ? 'a prefix of several articles' : `a prefix of article ${articleId}`}: say which, crosscheck ${command} story:${raw} or crosscheck ${command} article:${articleId ?? raw}`,
    { input: raw },
  )
}

async function storyNamed(store: Pick<StoryStore, 'getStory'>, value: string, raw: string): Promise<StoryDetail> {
  if (!/^\d{1,9}$/u.test(value) || Number(value) < 1) throw new CrosscheckError('USAGE', `a story is named by its number, got '${value}'`, { input: raw })
  const story = await store.getStory(Number(value))
  if (story === null) throw new CrosscheckError('NOT_FOUND', `no story ${value} (see crosscheck stories)`, { input: raw })
  return story
}

async function articleNamed(store: Pick<ArticleStore, 'getArticle'>, value: string, raw: string): Promise<Article> {
  const article = await store.getArticle(value)
  if (article === null) throw new CrosscheckError('NOT_FOUND', `no article with id ${value} (see crosscheck articles)`, { input: raw })
  return article
}
