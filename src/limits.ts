/**
 * The default budgets that several stages share, defined once: the CLI's
 * flags, the HTTP API, the feed follower and the readers all start from
 * these, so a documented default cannot drift between them.
 */

/** Largest input read, fetched page or request body, in bytes: 16 MiB, far above any news article, well under what a worker can hold. */
export const DEFAULT_MAX_BYTES = 16 * 1024 * 1024

/** Time limit for one fetch (a page, a feed), in milliseconds: 15 s. */
export const DEFAULT_FETCH_TIMEOUT_MS = 15_000

/** Articles per store transaction: 200, large enough to amortise a commit, small enough that a crash re-does little. */
export const DEFAULT_BATCH_SIZE = 200
