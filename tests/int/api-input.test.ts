// Malformed ids and filters answer 400 with a sentence through Payload's own REST and GraphQL
// handlers (the functions Next's routes call), on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { makeArticle, makeColumn, makeSite } from '../helpers/fixtures'
import { type Started, startPayload, testDb } from '../helpers/payload'

let started: Started
let rest: (path: string) => Promise<{ status: number; body: { errors?: { message: string }[] } }>
let graphql: (
  query: string,
) => Promise<{ status: number; body: { errors?: { message: string }[] } }>

beforeAll(async () => {
  started = await startPayload()
  const site = await makeSite(started.payload)
  const column = await makeColumn(started.payload, site.id)
  await makeArticle(started.payload, { site: site.id, column: column.id })
  const { default: config } = await import('../../payload.config')
  const { REST_GET, GRAPHQL_POST } = await import('@payloadcms/next/routes')
  const get = REST_GET(config)
  const post = GRAPHQL_POST(config)
  rest = async (path) => {
    const url = new URL(path, 'http://localhost:3000')
    const slug = url.pathname
      .replace(/^\/api\//, '')
      .split('/')
      .map(decodeURIComponent)
    const res = await get(new Request(url), { params: Promise.resolve({ slug }) })
    return { status: res.status, body: await res.json() }
  }
  graphql = async (query) => {
    const res = await post(
      new Request('http://localhost:3000/api/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      }),
    )
    // graphql-http answers validation errors as a bare list on some Accept headers.
    const json = await res.json()
    return { status: res.status, body: Array.isArray(json) ? { errors: json } : json }
  }
})

afterAll(async () => {
  await started?.stop()
})

describe(`malformed API input on ${testDb()}`, () => {
  it.each([
    ['/api/articles/abc', '编号格式不正确'],
    ['/api/articles/1e999', '格式不正确'],
    ['/api/articles/%00', '格式不正确'],
    ['/api/articles/99999999999', '格式不正确'],
    ['/api/articles?where=notjson', 'JSON 格式不正确'],
    ['/api/articles?where[publishedAt][greater_than]=notadate', '不是有效的日期'],
    ['/api/articles?where[columns][in]=a,b', '不是有效的编号'],
    ['/api/articles?where[site][equals]=%00', '不是有效的编号'],
    ['/api/articles?where[title][nope]=1', '不受支持'],
    ['/api/sites?where[id][equals]=x', '不是有效的编号'],
  ])('GET %s answers 400 with a sentence', async (path, sentence) => {
    const { status, body } = await rest(path)
    expect(status).toBe(400)
    expect(body.errors?.[0]?.message).toContain(sentence)
  })

  it('still answers well-formed queries', async () => {
    const { status } = await rest('/api/sites?where[id][greater_than]=0&limit=1')
    expect(status).toBe(200)
    const missing = await rest('/api/articles/2147483647')
    expect(missing.status).toBe(404)
  })

  it('refuses a GraphQL query with too many aliases before running it', async () => {
    const fields = Array.from({ length: 200 }, (_, i) => `a${i}: Sites { totalDocs }`).join(' ')
    const { body } = await graphql(`{ ${fields} }`)
    expect(body.errors?.[0]?.message).toContain('别名超过 30 个')
  })

  it('refuses malformed ids and filters in GraphQL with a sentence, never "Something went wrong"', async () => {
    const id = await graphql('{ Site(id: "abc") { name } }')
    expect(id.body.errors?.[0]?.message).toContain('"abc"')
    const where = await graphql(
      '{ Articles(where: { columns: { in: ["a", "b"] } }) { totalDocs } }',
    )
    expect(where.body.errors?.[0]?.message).toMatch(/不是有效的编号|invalid value/)
    expect(JSON.stringify(where.body)).not.toContain('Something went wrong')
  })
})
