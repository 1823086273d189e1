/** Worker of the two-thread claims benchmark: extracts the claims of each batch it is sent and answers how many it found. */
import { parentPort } from 'node:worker_threads'
import { type ClaimsSource, extractClaims } from '../../dist/claims/extract-claims.js'
import { chronoDateFinder } from '../../dist/ingest/date-finder.js'

parentPort?.on('message', (articles: ClaimsSource[]) => {
  let claims = 0
  for (const article of articles) {
    const found = extractClaims(article, { findDates: chronoDateFinder })
    claims += found.quotes.length + found.figures.length + found.events.length + found.entities.length
  }
  parentPort?.postMessage(claims)
})
