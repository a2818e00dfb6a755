// `npm start`: the product as it is meant to run — the admin compiled once by `next build`, then
// served in production mode. A build is made when none exists or the sources it was made from
// changed (a stamp of their contents sits beside it); later starts go straight to the server.
// `npm run build` (`--build`) only builds.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { logger } from '../logger'
import { settings } from '../settings'
import { buildIsCurrent, buildStamp, STAMP_FILE } from '../server/admin-build'

const root = process.cwd()
const buildOnly = process.argv.includes('--build')

async function build(stamp: string): Promise<void> {
  const started = Date.now()
  const seconds = () => Math.round((Date.now() - started) / 1000)
  logger.info(
    buildOnly
      ? '正在构建管理后台…'
      : '管理后台尚未构建或源代码已更改：正在构建（约 1–2 分钟，只在首次或代码更新后进行）…',
  )
  const child = spawn(path.join(root, 'node_modules/.bin/next'), ['build'], {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: '--conditions=production', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  // Next's own progress lines, with the seconds since the build began.
  const lines: string[] = []
  const forward = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      const text = line.trim()
      if (!text) continue
      lines.push(text)
      if (/^(✓|Creating|Compiled|Collecting|Generating|Finalizing)/.test(text))
        logger.info(`构建进行 ${seconds()} s：${text}`)
    }
  }
  child.stdout.on('data', forward)
  child.stderr.on('data', forward)
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
  if (code !== 0) {
    logger.fatal({ output: lines.slice(-40).join('\n') }, `管理后台构建失败（退出码 ${code}）`)
    process.exit(1)
  }
  fs.writeFileSync(path.join(root, STAMP_FILE), stamp)
  logger.info(`管理后台构建完成，用时 ${seconds()} s`)
}

const stamp = buildStamp(root)
if (buildOnly) {
  await build(stamp)
  process.exit(0)
}
// A public-only node serves no admin, so it needs no build.
if (settings.role !== 'public' && !buildIsCurrent(root, stamp)) await build(stamp)
await import('../server/index')
