/**
 * Story clustering benchmarks (issue 4): synthetic news streamed through
 * feature extraction and the online clusterer, 100k and 1M articles. The
 * stream is a time line of events (each with its own names, place, figures
 * and topic words, reported by a handful to a few dozen articles over a few
 * days), so stories form, stay active while reported and retire after.
 * Notes give the clustering-only rate (text generation excluded), the active
 * and retired story counts and the heap after GC at a quarter, half and all
 * of the stream: flat heap while retired stories pile up is the point.
 */
import { assignArticle, createClusterState } from '../../dist/cluster/online-clusterer.js'
import { storyFeatures } from '../../dist/cluster/story-features.js'
import type { BenchCase } from './measure.js'
import { SYLLABLES, seededRandom } from '../../dist/testing/synthetic.js'

const FUNCTION_WORDS = 'the of to in and a on for said that with at by from was is were has have after'.split(' ')
/** Articles published per day of the synthetic time line. */
const PER_DAY = 2000
const BATCH = 5000

function pseudoWords(count: number, seed: number): string[] {
  const random = seededRandom(seed)
  const found = new Set<string>()
  while (found.size < count) {
    let word = ''
    for (let i = 2 + Math.floor(random() * 3); i > 0; i--) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)]
    found.add(word)
  }
  return [...found]
}

const VOCABULARY = pseudoWords(20_000, 21)
const NAMES = pseudoWords(30_000, 22).map((w) => w.charAt(0).toUpperCase() + w.slice(1))

interface SyntheticEvent {
  readonly day: number
  readonly left: { n: number }
  readonly topic: readonly string[]
  readonly names: readonly string[]
  readonly place: string
  readonly figures: readonly string[]
}

interface SyntheticArticle {
  readonly id: string
  readonly title: string
  readonly text: string
  readonly published: string
}

/** A deterministic stream of articles reporting events along a time line. */
function* articleStream(total: number, seed: number): Generator<SyntheticArticle> {
  const random = seededRandom(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
  // Topic words from the head of the vocabulary: events of one kind share them (two fires, two votes).
  const kinds = Array.from({ length: 200 }, () => Array.from({ length: 12 }, () => VOCABULARY[Math.floor(Math.pow(random(), 2) * 4000)] as string))
  let active: SyntheticEvent[] = []
  for (let i = 0; i < total; i++) {
    const day = 20000 + Math.floor(i / PER_DAY)
    active = active.filter((e) => e.left.n > 0 && day - e.day <= 3)
    if (active.length < 50 || random() < 0.12) {
      const kind = pick(kinds)
      active.push({
        day,
        left: { n: 1 + Math.floor(-Math.log(1 - random()) * 8) },
        topic: Array.from({ length: 6 }, () => pick(kind)),
        names: Array.from({ length: 3 }, () => pick(NAMES)),
        place: pick(NAMES),
        figures: Array.from({ length: 2 }, () => String(10 + Math.floor(random() * 5000))),
      })
    }
    const event = pick(active)
    event.left.n--
    const word = (): string => {
      const r = random()
      if (r < 0.3) return pick(FUNCTION_WORDS)
      if (r < 0.45) return pick(event.topic)
      if (r < 0.52) return pick(event.names)
      if (r < 0.54) return `in ${event.place}`
      if (r < 0.56) return pick(event.figures)
      return VOCABULARY[Math.floor(Math.pow(random(), 3) * VOCABULARY.length)] as string
    }
    const sentence = (n: number): string => {
      const text = Array.from({ length: n }, word).join(' ')
      return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`
    }
    const title = `${pick(event.names)} ${pick(event.topic)} ${pick(event.topic)} ${word()} ${pick(event.place === '' ? NAMES : [event.place])}`
    const text = Array.from({ length: 5 }, () => sentence(10 + Math.floor(random() * 10))).join(' ')
    yield { id: `s${i}`, title, text, published: new Date(day * 86_400_000).toISOString().slice(0, 10) }
  }
}

function clusterCase(total: number): BenchCase {
  return {
    name: `story clustering (${total >= 1e6 ? `${total / 1e6}M` : `${total / 1e3}k`} articles streamed)`,
    about: `${total} synthetic ~80-word articles (headline and lead) over ${Math.ceil(total / PER_DAY)} days: features, candidate lookup, scoring, retirement`,
    unit: 'articles',
    prepare: () => total,
    run: () => {
      const state = createClusterState()
      const stream = articleStream(total, 5)
      let clusterSeconds = 0
      let created = 0
      const heap: string[] = []
      const checkpoints = new Set([Math.floor(total / 4), Math.floor(total / 2), total])
      let done = 0
      while (done < total) {
        // Generate a batch outside the clustering timer, so the note can give the clustering-only rate.
        const batch: SyntheticArticle[] = []
        for (let k = 0; k < BATCH && done + k < total; k++) batch.push(stream.next().value as SyntheticArticle)
        const started = process.hrtime.bigint()
        for (const article of batch) if (assignArticle(state, article.id, storyFeatures(article)).created) created++
        clusterSeconds += Number(process.hrtime.bigint() - started) / 1e9
        done += batch.length
        for (const at of checkpoints) {
          if (at > done - batch.length && at <= done) {
            ;(globalThis as { gc?: () => void }).gc?.()
            heap.push(`${Math.round(process.memoryUsage().heapUsed / 2 ** 20)}`)
          }
        }
      }
      return {
        items: total,
        notes: `cluster-only ${Math.round(total / clusterSeconds).toLocaleString('en-US')}/s; ${created} stories, ${state.stories.size} active, ${state.retired} retired; heap MiB at 1/4, 1/2, end: ${heap.join(', ')}`,
      }
    },
  }
}

export const CLUSTER_CASES: readonly BenchCase[] = [clusterCase(100_000), clusterCase(1_000_000)]
