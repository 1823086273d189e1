/**
 * What must not depend on the store, the number of workers or how a run was
 * interrupted, in a comparable form: the article ids, the relations (kind,
 * original, coverage to 3 decimals) and the story partition (which articles
 * go together; story numbers may differ). Shared by the tests and scripts
 * that compare two stores.
 */
import type { Store } from '../storage.js'

export interface StoreAnswers {
  readonly articles: string[]
  readonly relations: string[]
  readonly partition: string[]
}

/** The stories of `ids` as sorted, comma-joined member lists, sorted: equal for two stores that group alike. */
export async function storyPartition(store: Pick<Store, 'storiesOf'>, ids: readonly string[]): Promise<string[]> {
  const storyOf = await store.storiesOf(ids)
  const groups = new Map<number, string[]>()
  for (const id of ids) {
    const story = storyOf.get(id) ?? -1
    groups.set(story, [...(groups.get(story) ?? []), id])
  }
  return [...groups.values()].map((group) => [...group].sort().join(',')).sort()
}

export async function storeAnswers(store: Store): Promise<StoreAnswers> {
  const articles: string[] = []
  for (let offset = 0; ; offset += 1000) {
    const page = await store.listArticles({ limit: 1000, offset })
    articles.push(...page.map((a) => a.id))
    if (page.length < 1000) break
  }
  articles.sort()
  const relations = (await store.listRelations())
    .map((r) => `${r.a} ${r.b} ${r.kind} ${r.direction.original ?? '-'} ${r.coverageA.toFixed(3)} ${r.coverageB.toFixed(3)}`)
    .sort()
  return { articles, relations, partition: await storyPartition(store, articles) }
}
