// Entry point: one process that starts Payload, seeds the demo platform on an empty database,
// and serves public sites (and, unless ROLE=public, the admin and API) through Express.
import http from 'node:http'

import { getPayload } from 'payload'

import { isDatabaseUnavailable } from '../domain/database-errors'
import { settings } from '../settings'
import { buildIsCurrent } from './admin-build'
import { createApp } from './app'
import { logger } from '../logger'

const started = Date.now()

async function main() {
  const { default: config } = await import('../../payload.config')
  const payload = await getPayload({ config })
  // MongoDB: mongoose emits 'error' on its connection when the replica set goes away; the
  // driver reconnects by itself, so a listener (PostgreSQL's pool has one, see src/db.ts)
  // keeps the event from ending the process.
  const mongo = (
    payload.db as { connection?: { on?: (e: string, f: (err: Error) => void) => void } }
  ).connection
  mongo?.on?.('error', (err) => logger.warn({ message: err.message }, '数据库连接中断'))

  if (settings.seed) {
    const { seedIfEmpty } = await import('../seed')
    const seeded = await seedIfEmpty(payload, { logger })
    if (seeded) logger.info(seeded, 'demo platform seeded')
  }

  let nextHandler: Parameters<typeof createApp>[0]['nextHandler']
  if (settings.role !== 'public') {
    if (settings.compiled && !buildIsCurrent(process.cwd()))
      logger.warn(
        '管理后台的构建缺失或早于当前源代码：请先运行 npm run build（npm start 会自动构建）',
      )
    const { default: next } = await import('next')
    const nextApp = next({
      dev: !settings.compiled,
      dir: process.cwd(),
      port: settings.port,
      hostname: 'localhost',
    })
    await nextApp.prepare()
    const handle = nextApp.getRequestHandler()
    nextHandler = (req, res) => handle(req, res)
  }

  const { handler } = createApp({ payload, port: settings.port, logger, nextHandler })
  const server = http.createServer(handler)
  server.listen(settings.port, () => {
    logger.info(
      {
        port: settings.port,
        role: settings.role,
        database: settings.databaseUrl.split(':')[0],
        ms: Date.now() - started,
      },
      `集约平台已启动：站群导航 http://localhost:${settings.port}/ ，管理后台 http://localhost:${settings.port}/admin`,
    )
  })
  // Once serving: a promise that fails because the database went away (a background refresh,
  // a hook's side effect) is logged, not fatal. Anything else still ends the process as Node
  // would, and at startup a database failure does too (main().catch below): bugs and a wrong
  // DATABASE_URL stay loud.
  process.on('unhandledRejection', (reason) => {
    if (isDatabaseUnavailable(reason)) {
      logger.warn({ message: (reason as Error).message }, '数据库不可用：后台操作失败')
      return
    }
    logger.fatal({ err: reason }, '未处理的异步错误')
    process.exit(1)
  })
  const stop = () => server.close(() => process.exit(0))
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

main().catch((err) => {
  logger.fatal({ err }, '启动失败')
  process.exit(1)
})
