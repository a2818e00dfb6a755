#!/usr/bin/env node
// `node scripts/tier.mjs <postgres|chromium> <command…>`: runs a test tier that needs a program
// this machine may lack. PostgreSQL: POSTGRES_TEST_URL, or Debian's server started by
// scripts/start-postgres.sh when it is installed. Chromium: CHROMIUM_PATH or /usr/bin/chromium.
// When the program is missing the tier is skipped with one line saying how to get it — unless
// JIYUE_ALL_TIERS=1 (CI), where a missing program fails the run.
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'

const [need, ...command] = process.argv.slice(2)
const required = ['1', 'true', 'on', 'yes'].includes(
  String(process.env.JIYUE_ALL_TIERS).toLowerCase(),
)
const env = { ...process.env }

function missing(what, how) {
  const line = `${required ? '失败' : '跳过'}：${what}。${how}`
  if (required) {
    console.error(`${line}（JIYUE_ALL_TIERS=1 要求所有测试层都运行）`)
    process.exit(1)
  }
  console.log(`\n${line}\n`)
  process.exit(0)
}

if (need === 'postgres' && !env.POSTGRES_TEST_URL) {
  const installed =
    fs.existsSync('/usr/lib/postgresql') &&
    fs
      .readdirSync('/usr/lib/postgresql')
      .some((v) => fs.existsSync(`/usr/lib/postgresql/${v}/bin/initdb`))
  if (!installed)
    missing(
      'PostgreSQL 集成测试需要 PostgreSQL，本机未安装',
      '安装：sudo apt-get install postgresql（之后 npm test 会自动启动它），或设置 POSTGRES_TEST_URL 指向可建库的服务器',
    )
  try {
    env.POSTGRES_TEST_URL = execFileSync('scripts/start-postgres.sh', { encoding: 'utf8' }).trim()
  } catch (err) {
    missing(
      `无法启动本机的 PostgreSQL（${String(err.message).split('\n')[0]}）`,
      'scripts/start-postgres.sh 需要 root 权限；或设置 POSTGRES_TEST_URL 指向可建库的服务器',
    )
  }
}
if (need === 'chromium') {
  const chromium = env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (!fs.existsSync(chromium))
    missing(
      `浏览器测试需要 Chromium，未找到 ${chromium}`,
      '安装：sudo apt-get install chromium（或设置 CHROMIUM_PATH）',
    )
}
const result = spawnSync(command[0], command.slice(1), { stdio: 'inherit', env })
process.exit(result.status ?? 1)
