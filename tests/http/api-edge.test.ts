// The admin and API edge in front of Next: the admin's CSP, and the per-address limit on
// /api/graphql shared through the database. Next itself is replaced by a stub that answers 200,
// so what is tested is exactly what Express adds before the request reaches Next.
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type Started, startPayload } from '../helpers/payload'
import { send } from '../helpers/visitor'

let started: Started
let server: http.Server
let port: number
let nextCalls = 0

const request = (path: string, method = 'GET', headers: Record<string, string> = {}) =>
  send({
    port,
    method,
    path,
    headers: { host: 'localhost', ...headers },
    body: method === 'POST' ? '{"query":"{ __typename }"}' : undefined,
  })

beforeAll(async () => {
  started = await startPayload()
  const { createApp } = await import('../../src/server/app')
  server = http.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
  const { handler } = createApp({
    payload: started.payload,
    port,
    logger: pino({ level: 'silent' }),
    nextHandler: (_req, res) => {
      nextCalls++
      res.status(200).type('text/plain').send('next')
    },
  })
  server.on('request', handler)
})

afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()))
  await started?.stop()
})

describe('the admin and API edge', () => {
  it('gives the admin a CSP that keeps scripts, connections, frames and forms on its own origin', async () => {
    const res = await request('/admin')
    const csp = String(res.headers['content-security-policy'])
    for (const directive of [
      "default-src 'self'",
      "connect-src 'self'",
      "frame-ancestors 'self'",
      "form-action 'self'",
      "object-src 'none'",
      "base-uri 'self'",
    ])
      expect(csp).toContain(directive)
    expect(csp).toMatch(/script-src 'self' 'unsafe-inline'/)
    expect(csp).not.toMatch(/https?:|\*/)
    expect(res.headers['x-content-type-options']).toBe('nosniff')
  })

  it('limits /api/graphql per address and says when to come back, without reaching Next', async () => {
    const { RATE_LIMITS } = await import('../../src/services/rate-limits')
    const allowed = RATE_LIMITS.graphqlRequests.points
    const before = nextCalls
    const statuses: number[] = []
    for (let i = 0; i < allowed + 3; i++)
      statuses.push(
        (await request('/api/graphql', 'POST', { 'content-type': 'application/json' })).status,
      )
    expect(statuses.slice(0, allowed).every((s) => s === 200)).toBe(true)
    expect(statuses.slice(allowed)).toEqual([429, 429, 429])
    expect(nextCalls - before).toBe(allowed)
    const refused = await request('/api/graphql', 'POST', { 'content-type': 'application/json' })
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0)
    expect(JSON.parse(refused.text).errors[0].message).toContain('操作过于频繁')
    // Other API routes are not counted against it.
    expect((await request('/api/users/me')).status).toBe(200)
  })
})
