// The Express server on a random loopback port, in-process (public side; no Next).
import type { AddressInfo } from 'node:net'

import pino from 'pino'

import { type Started, startPayload } from './payload'

export type TestServer = Started & {
  port: number
  url: string
  /** After a whole purge poll: every purge committed so far has been applied (cache-purges). */
  purgesSettled: () => Promise<void>
  close: () => Promise<void>
}

export async function startServer({ seed = false }: { seed?: boolean } = {}): Promise<TestServer> {
  const started = await startPayload()
  if (seed) {
    const { seedDemo } = await import('../../src/seed')
    await seedDemo(started.payload)
  }
  const { createApp } = await import('../../src/server/app')
  const { pageCache } = await import('../../src/services/page-cache')
  pageCache.clear()
  // The port is only known after listening; pages use it for absolute links, so listen first.
  const http = await import('node:http')
  const server = http.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  const { handler } = createApp({
    payload: started.payload,
    port,
    logger: pino({ level: 'silent' }),
  })
  server.on('request', handler)
  return {
    ...started,
    port,
    url: `http://127.0.0.1:${port}`,
    purgesSettled: async () => {
      const { purgesSettled } = await import('../../src/services/cache-purges')
      await purgesSettled(started.payload)
    },
    close: async () => {
      const { stopPurgeSync } = await import('../../src/services/cache-purges')
      stopPurgeSync(started.payload)
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await started.stop()
    },
  }
}

/** GET with a Host header (sites are found by Host). fetch() would overwrite Host; node:http keeps it. */
export async function get(
  server: TestServer,
  path: string,
  { host, headers = {} }: { host?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Headers; text: string }> {
  const http = await import('node:http')
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: 'GET',
        headers: { ...(host ? { host } : {}), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const h = new Headers()
          for (const [k, v] of Object.entries(res.headers))
            if (v != null) h.set(k, Array.isArray(v) ? v.join(', ') : v)
          resolve({
            status: res.statusCode ?? 0,
            headers: h,
            text: Buffer.concat(chunks).toString('utf8'),
          })
        })
      },
    )
    req.on('error', reject)
    req.end()
  })
}
