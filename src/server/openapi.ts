/**
 * The OpenAPI 3.1 description of the HTTP API, served at /api/openapi.json.
 * Written by hand next to the routes; `openapi.test.ts` checks that its
 * (method, path) pairs are exactly the routes the app registers.
 */
import { COMPONENT_SCHEMAS, MAX_BATCH } from './schemas.js'

type Schema = Readonly<Record<string, unknown>>

const ref = (name: keyof typeof COMPONENT_SCHEMAS): Schema => ({ $ref: `#/components/schemas/${name}` })
const json = (schema: Schema): Schema => ({ 'application/json': { schema } })
const ok = (description: string, schema: Schema): Schema => ({ description, content: json(schema) })
const error = (description: string): Schema => ({ description, content: json(ref('ApiError')) })
/** Every list answers the same way: the page's items, its paging, the total, and links to the pages beside it (paths with their query). */
const page = (item: Schema): Schema => ({
  type: 'object',
  properties: {
    items: { type: 'array', items: item },
    limit: { type: 'integer' },
    offset: { type: 'integer' },
    total: { type: 'integer' },
    links: {
      type: 'object',
      properties: { self: { type: 'string' }, next: { type: ['string', 'null'] }, prev: { type: ['string', 'null'] } },
    },
  },
})
const idParam = (description: string, schema: Schema): Schema => ({ name: 'id', in: 'path', required: true, description, schema })
const storyId = idParam('The story number; a merged story answers with its survivor', { type: 'integer', minimum: 0 })
const articleId = idParam('The article id, or a unique prefix of at least 4 hex digits', { type: 'string', pattern: '^[0-9a-fA-F]{4,64}$' })
const paging = (defaultLimit: number, maxLimit: number): Schema[] => [
  { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 0, maximum: maxLimit, default: defaultLimit } },
  { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
]
const bearer = [{ bearer: [] }]
const writeErrors = { '401': error('No or wrong bearer token'), '413': error('The body is over the size limit') }
const notFound = { '404': error('Not found') }
const badRequest = { '400': error('The request is not valid; the message says why') }

/** The document, built once per call (it is small). */
export function openApiDocument(): Schema {
  return {
    openapi: '3.1.0',
    info: {
      title: 'crosscheck',
      version: '1',
      description:
        'Stories, who copied whom, claims and cross-source reports over the articles a crosscheck server has ingested. Write routes need `Authorization: Bearer <token>`.',
    },
    servers: [{ url: '/' }],
    components: {
      schemas: COMPONENT_SCHEMAS,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    },
    paths: {
      '/api/openapi.json': { get: { summary: 'This document', responses: { '200': ok('OpenAPI 3.1', { type: 'object' }) } } },
      '/api/v1/articles': {
        get: {
          summary: 'Stored articles, in the order stored',
          parameters: paging(50, 500),
          responses: {
            '200': ok('A page of article summaries', {
              ...page(ref('ArticleSummary')),
              properties: { ...(page(ref('ArticleSummary')).properties as Schema), total: { type: 'integer' } },
            }),
            ...badRequest,
          },
        },
        post: {
          summary: `Ingest a batch of up to ${MAX_BATCH} articles`,
          description:
            'Each article goes through the same pipeline as `crosscheck ingest` (cleaning, lineage, stories). Items are reported one by one; an item without a body fails alone.',
          security: bearer,
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: { anyOf: [ref('ArticleBatch'), ref('ArticleRecord')] } },
              'application/x-ndjson': { schema: { type: 'string', description: 'One ArticleRecord per line' } },
            },
          },
          responses: {
            '200': ok('The ingest report', ref('IngestReport')),
            '422': ok('Every item failed', ref('IngestReport')),
            ...badRequest,
            ...writeErrors,
            '415': error('Not JSON or JSON Lines'),
          },
        },
      },
      '/api/v1/articles/{id}': {
        get: {
          summary: 'One article with its cleaned text',
          parameters: [articleId],
          responses: { '200': ok('The article', ref('Article')), ...badRequest, ...notFound },
        },
      },
      '/api/v1/articles/{id}/claims': {
        get: {
          summary: 'What one article claims',
          parameters: [articleId],
          responses: { '200': ok('Quotes, figures, events, entities', ref('Claims')), ...notFound },
        },
      },
      '/api/v1/ingest/url': {
        post: {
          summary: 'Fetch a page (or a feed) and ingest it',
          description: 'URLs to loopback or private addresses are refused unless the server runs with --allow-private.',
          security: bearer,
          requestBody: { required: true, content: json(ref('UrlRequest')) },
          responses: {
            '200': ok('The ingest report', ref('IngestReport')),
            '400': error('Not an http(s) URL, or a private address (FETCH_BLOCKED_ADDRESS)'),
            '422': error('The page held no article'),
            '502': error('The page could not be fetched'),
            '504': error('The page took too long'),
            ...writeErrors,
          },
        },
      },
      '/api/v1/feeds': {
        get: {
          summary: 'Followed feeds and their last poll',
          responses: { '200': ok('The feeds, all in one page', page(ref('FollowedFeed'))) },
        },
        post: {
          summary: 'Follow a feed: it is polled on the server interval, new items ingested',
          security: bearer,
          requestBody: { required: true, content: json(ref('UrlRequest')) },
          responses: { '201': ok('Now followed', ref('FollowedFeed')), '200': ok('Already followed', ref('FollowedFeed')), ...badRequest, ...writeErrors },
        },
        delete: {
          summary: 'Stop following a feed',
          security: bearer,
          description: 'The feed is named as POST names it, by the body {"url": …}; ?url= is still read, for older clients.',
          requestBody: { required: false, content: json(ref('UrlRequest')) },
          parameters: [{ name: 'url', in: 'query', required: false, schema: { type: 'string' } }],
          responses: { '204': { description: 'No longer followed' }, ...badRequest, ...notFound, ...writeErrors },
        },
      },
      '/api/v1/stories': {
        get: {
          summary: 'Stories, most recently active first',
          parameters: [
            ...paging(50, 500),
            { name: 'since', in: 'query', description: 'Only stories active on or after this ISO 8601 date', schema: { type: 'string' } },
          ],
          responses: { '200': ok('A page of stories', page(ref('StorySummary'))), ...badRequest },
        },
      },
      '/api/v1/stories/{id}': {
        get: {
          summary: 'One story with its members',
          parameters: [storyId],
          responses: { '200': ok('The story', ref('StoryDetail')), ...badRequest, ...notFound },
        },
      },
      '/api/v1/stories/{id}/lineage': {
        get: {
          summary: 'Who copied whom within a story',
          parameters: [storyId],
          responses: { '200': ok('Lineage graph, relations, outlet profiles', ref('Lineage')), ...badRequest, ...notFound },
        },
      },
      '/api/v1/stories/{id}/claims': {
        get: {
          summary: "What each of a story's articles claims",
          parameters: [storyId],
          responses: {
            '200': ok('Claims per article', { type: 'object', properties: { story: { type: 'integer' }, articles: { type: 'array', items: ref('Claims') } } }),
            ...badRequest,
            ...notFound,
          },
        },
      },
      '/api/v1/compare/{a}/{b}': {
        get: {
          summary: 'Two articles aligned sentence by sentence (as `crosscheck diff --json`): their relation and the rows of the side-by-side view',
          description:
            'Cached until the store changes; a comparison that takes longer than the time budget answers 503 with Retry-After (it goes on being computed), and 429 when too many are being computed at once.',
          parameters: [
            {
              name: 'a',
              in: 'path',
              required: true,
              description: 'The left article id or a unique prefix',
              schema: { type: 'string', pattern: '^[0-9a-fA-F]{4,64}$' },
            },
            {
              name: 'b',
              in: 'path',
              required: true,
              description: 'The right article id or a unique prefix',
              schema: { type: 'string', pattern: '^[0-9a-fA-F]{4,64}$' },
            },
          ],
          responses: {
            '200': ok('The comparison', {
              type: 'object',
              properties: { left: { type: 'string' }, right: { type: 'string' }, relation: { type: 'object' }, rows: { type: 'array' } },
            }),
            ...badRequest,
            ...notFound,
            '429': error('Too many comparisons are being computed; retry after the Retry-After seconds'),
            '503': error('Over the time budget; retry after the Retry-After seconds'),
          },
        },
      },
      '/api/v1/stories/{id}/report': {
        get: {
          summary: 'The cross-source report of a story (as `crosscheck report --format json`)',
          description:
            'Cached until the store changes; past the time budget 503 with Retry-After (it goes on being computed), 429 when too many are being computed at once.',
          parameters: [storyId],
          responses: {
            '200': ok('The report', ref('StoryReport')),
            ...badRequest,
            ...notFound,
            '429': error('Too many reports are being computed; retry after the Retry-After seconds'),
            '503': error('Over the time budget; retry after the Retry-After seconds'),
          },
        },
      },
      '/api/v1/search': {
        get: {
          summary: 'Full-text search over titles and bodies',
          description: 'The query is taken as plain words, all of which must occur. Matches in the snippet are between ⟦ and ⟧.',
          parameters: [{ name: 'q', in: 'query', required: true, schema: { type: 'string', maxLength: 500 } }, ...paging(20, 100)],
          responses: {
            '200': ok('Hits, best first', {
              ...page(ref('SearchHit')),
              properties: { ...(page(ref('SearchHit')).properties as Schema), query: { type: 'string' } },
            }),
            ...badRequest,
          },
        },
      },
      '/api/v1/outlets': {
        get: {
          summary: "Each outlet's copy/rewrite profile",
          responses: { '200': ok('Outlets, most derived first', { type: 'object', properties: { items: { type: 'array', items: ref('OutletProfile') } } }) },
        },
      },
    },
  }
}
