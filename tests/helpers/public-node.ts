// A second public node in its own process, for tests/http/two-nodes.test.ts: Payload on the
// DATABASE_URL it is given (the same database as the test's node) and the Express app with
// ROLE=public. Prints `PORT=<n>` once it listens; stops on SIGTERM.
//   node --conditions=development --import tsx tests/helpers/public-node.ts
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import pino from 'pino'

const { getPayload } = await import('payload')
const { default: config } = await import('../../payload.config')
const payload = await getPayload({ config })
// Expected when the test drops the database at the end.
;(payload.db as { pool?: { on: (e: string, f: () => void) => void } }).pool?.on('error', () => {})
const { createApp } = await import('../../src/server/app')

const server = http.createServer()
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
const port = (server.address() as AddressInfo).port
const { handler } = createApp({ payload, port, logger: pino({ level: 'silent' }), role: 'public' })
server.on('request', handler)
process.stdout.write(`PORT=${port}\n`)

process.on('SIGTERM', () => {
  server.close()
  server.closeAllConnections()
  void Promise.resolve(payload.destroy?.()).finally(() => process.exit(0))
})
