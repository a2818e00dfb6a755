// npm run bench:fast-path — the CPU cost of a cache hit in this process, without the network:
// the server's request handler (fast path, then Express) called on a cached article page with
// a request and a response that only collect what is written. Reported as microseconds per hit
// against a baseline measured in the same run (the same loop calling an empty handler and
// writing the same bytes), so two builds can be compared run for run (`BENCH_ROUNDS`, default 5).
import type { IncomingMessage, ServerResponse } from 'node:http'

process.env.TEMPLATE_CACHE = '1'
process.env.LOG_LEVEL = 'warn'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)
const HITS = Number(process.env.BENCH_HITS ?? 100_000)

/** A response that keeps what the handler writes and nothing else. */
function sink() {
  let bytes = 0
  let status = 0
  const res = {
    statusCode: 200,
    setHeader() {},
    getHeader() {},
    writeHead(s: number) {
      status = s
      return res
    },
    end(body?: Buffer) {
      bytes += body?.length ?? 0
      return res
    },
  }
  return { res: res as unknown as ServerResponse, written: () => ({ bytes, status }) }
}

async function main() {
  const { startServer, get } = await import('../helpers/server')
  const s = await startServer({ seed: true })
  const { createApp } = await import('../../src/server/app')
  const pino = (await import('pino')).default
  const host = 'www.localhost'
  const found = await s.payload.find({
    collection: 'articles',
    where: { 'site.slug': { equals: 'www' } },
    limit: 1,
    depth: 0,
  })
  const article = found.docs[0] as { id: string | number; columns: (string | number)[] }
  const col = await s.payload.findByID({ collection: 'columns', id: article.columns[0], depth: 0 })
  const pagePath = `/${col.path}/${article.id}.html`
  await get(s, pagePath, { host })
  const check = await get(s, pagePath, { host })
  if (check.headers.get('x-cache') !== 'HIT') throw new Error('the page is not cached')
  const { handler, registry } = createApp({
    payload: s.payload,
    port: s.port,
    logger: pino({ level: 'silent' }),
  })
  await registry.sites() // the fast path answers once the site list is loaded
  const page = Buffer.from(check.text)

  const request = () =>
    ({
      method: 'GET',
      url: pagePath,
      headers: { host, 'accept-encoding': 'gzip, deflate' },
    }) as unknown as IncomingMessage

  const time = (hit: (req: IncomingMessage, res: ServerResponse) => void) => {
    const out = sink()
    const t0 = process.hrtime.bigint()
    for (let i = 0; i < HITS; i++) hit(request(), out.res)
    const ns = Number(process.hrtime.bigint() - t0)
    return { us: ns / HITS / 1000, ...out.written() }
  }
  // Warm both paths up, then alternate.
  const baseline = (_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, { 'Content-Type': 'text/html' })
    res.end(page)
  }
  time(baseline)
  const warm = time(handler)
  if (warm.status !== 200) throw new Error(`the handler answered ${warm.status}`)
  const rows: { hit: number; base: number }[] = []
  for (let r = 0; r < ROUNDS; r++) rows.push({ base: time(baseline).us, hit: time(handler).us })
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
  console.log(
    `cache hit through the request handler: ${HITS} hits × ${ROUNDS} rounds` +
      `\n  per hit (µs):      ${rows.map((r) => r.hit.toFixed(3)).join('  ')}  median ${median(rows.map((r) => r.hit)).toFixed(3)}` +
      `\n  baseline (µs):     ${rows.map((r) => r.base.toFixed(3)).join('  ')}  median ${median(rows.map((r) => r.base)).toFixed(3)}` +
      `\n  hit − baseline:    ${median(rows.map((r) => r.hit - r.base)).toFixed(3)} µs`,
  )
  await s.close()
  process.exit(0)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
