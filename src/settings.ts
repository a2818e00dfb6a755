// Configuration from the environment, read once, checked with zod; README lists every variable.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { z } from 'zod'

const env = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    ROLE: z.enum(['all', 'public', 'admin']).default('all'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    DATABASE_URL: z.string().optional(),
    PAYLOAD_SECRET: z.string().optional(),
    SMTP_URL: z.string().optional(),
    MAIL_FROM: z.string().default('noreply@jiyue.local'),
    SEED: z.string().optional(),
    PLATFORM_DATA: z.string().default('on'),
    DEMO_PASSWORD: z.string().default('Jiyue-Demo-2026'),
    MEDIA_DIR: z.string().optional(),
    DEMO: z.string().optional(),
    DATA_DIR: z.string().default('.data'),
    PLATFORM_HOSTS: z.string().default(''),
    PUBLIC_ORIGINS: z.string().default(''),
    ATTACHMENT_MAX_MB: z.coerce.number().positive().default(50),
    REQUEST_FILE_MAX_MB: z.coerce.number().positive().max(5.5).default(5),
    IMAGE_MAX_MB: z.coerce.number().positive().default(20),
    LOG_LEVEL: z.string().default('info'),
    PAGE_CACHE_SECONDS: z.coerce.number().int().min(0).default(60),
    JOBS: z.string().default('on'),
    FIRST_HOUR_REMIND_AT: z.string().default('30,50'),
    FIRST_HOUR_ESCALATE_AT: z.coerce.number().int().positive().default(60),
    SERVER_URL: z.string().optional(),
    PLATFORM_NAME: z.string().default('政府网站集约化平台'),
    PLATFORM_OPERATOR: z.string().default(''),
    TRUST_PROXY: z.string().default('loopback'),
    PAGE_CACHE_ENTRIES: z.coerce.number().int().positive().default(20_000),
    LETTER_ALARM_DAYS: z.coerce.number().int().positive().default(60),
    LOGIN_ADDRESS_MAX_FAILURES: z.coerce.number().int().positive().catch(10).default(10),
    LOGIN_MAX_ATTEMPTS: z.coerce.number().int().positive().optional(),
    LOGIN_LOCK_MINUTES: z.coerce.number().positive().default(15),
    SESSION_IDLE_MINUTES: z.coerce.number().positive().default(120),
    DEV_HOSTS: z.string().optional(),
    TEMPLATES_DIR: z.string().default('templates'),
    TEMPLATE_CACHE: z.string().optional(),
    VITEST: z.string().optional(),
  })
  .parse(process.env)

const on = (v: string) => !['0', 'false', 'no', 'off'].includes(v.toLowerCase())
/** Next, React and Payload compiled for production (`npm start`, `npm run serve`). */
const compiled = env.NODE_ENV === 'production'
/**
 * `npm start` runs the compiled product as a demo (DEMO=on): a generated secret, demo data,
 * plain-HTTP cookies and `*.localhost` addresses, as in development. Production's guards
 * (a strong secret required, HSTS, Secure cookies, no demo data) apply to a compiled run that
 * is not a demo.
 */
const demo = env.DEMO ? on(env.DEMO) : false
const production = compiled && !demo
const dataDir = path.resolve(process.cwd(), env.DATA_DIR)

/** Demo and development keep a generated secret in the data folder; production must set one. */
function secret(): string {
  const given = env.PAYLOAD_SECRET
  if (given) {
    if (production && (given.length < 32 || /^(secret|changeme|password)/i.test(given))) {
      throw new Error('PAYLOAD_SECRET 太弱：生产环境须使用至少 32 个字符的随机字符串')
    }
    return given
  }
  // `next build` evaluates the config to collect routes; no secret is used then.
  if (process.env.NEXT_PHASE === 'phase-production-build')
    return 'build-time-placeholder-never-used-to-sign'
  if (production) throw new Error('生产环境必须设置 PAYLOAD_SECRET（至少 32 个字符的随机字符串）')
  const file = path.join(dataDir, 'secret')
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim()
  fs.mkdirSync(dataDir, { recursive: true })
  const made = crypto.randomBytes(32).toString('hex')
  fs.writeFileSync(file, made, { mode: 0o600 })
  return made
}

const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)

const serverUrl = env.SERVER_URL || undefined

export const settings = {
  env: env.NODE_ENV,
  /** Next serves the compiled admin (`.next/` from `npm run build`), not its development server. */
  compiled,
  demo,
  /** The admin's public address (links in e-mails); its scheme decides the cookie's Secure flag. */
  serverUrl,
  /** Session cookies only over HTTPS: from SERVER_URL's scheme, or always in production. */
  secureCookies: serverUrl ? serverUrl.startsWith('https://') : production,
  production,
  role: env.ROLE,
  port: env.PORT,
  /**
   * The embedded default: `npm start` (compiled: the schema built by migrations) and `npm run dev`
   * (the schema pushed from the collections as they change) keep separate files, because a
   * pushed database cannot take migrations.
   */
  databaseUrl: env.DATABASE_URL ?? (compiled ? 'file:./.data/jiyue.db' : 'file:./.data/dev.db'),
  get secret() {
    return secret()
  },
  smtpUrl: env.SMTP_URL,
  mailFrom: env.MAIL_FROM,
  /** Demo data on an empty database: on by default outside production. */
  seed: env.SEED ? on(env.SEED) : !production,
  /**
   * Platform data (work calendar, classification lists) into empty collections wherever Payload
   * starts: on by default; the test harness turns it off to start from an empty calendar.
   */
  platformData: on(env.PLATFORM_DATA),
  demoPassword: env.DEMO_PASSWORD,
  mediaDir: path.resolve(process.cwd(), env.MEDIA_DIR ?? (compiled ? 'media' : 'media/dev')),
  dataDir,
  platformHosts: list(env.PLATFORM_HOSTS),
  publicOrigins: list(env.PUBLIC_ORIGINS),
  attachmentMaxBytes: Math.round(env.ATTACHMENT_MAX_MB * 1024 * 1024),
  requestFileMaxBytes: Math.round(env.REQUEST_FILE_MAX_MB * 1024 * 1024),
  imageMaxBytes: Math.round(env.IMAGE_MAX_MB * 1024 * 1024),
  logLevel: env.LOG_LEVEL,
  pageCacheSeconds: env.PAGE_CACHE_SECONDS,
  /** Whether this node runs the jobs queue (the publishing clock); one node is enough. */
  jobs: on(env.JOBS),
  /** First-hour reminders to editors and signers, minutes after signing. */
  firstHourRemindAt: list(env.FIRST_HOUR_REMIND_AT)
    .map(Number)
    .filter((n) => n > 0),
  /** Escalation to the site admin, minutes after signing. */
  firstHourEscalateAt: env.FIRST_HOUR_ESCALATE_AT,
  platformName: env.PLATFORM_NAME,
  platformOperator: env.PLATFORM_OPERATOR,
  /** Express `trust proxy`: whose X-Forwarded-For is believed (every per-address limit). */
  trustProxy: env.TRUST_PROXY,
  /** Pages the output cache holds before it drops the oldest. */
  pageCacheEntries: env.PAGE_CACHE_ENTRIES,
  /** Days a valid letter may wait unanswered before the platform's alarm (the veto is 3 months). */
  letterAlarmDays: env.LETTER_ALARM_DAYS,
  /** Failed logins one address may make in 15 minutes (below the account lock). */
  loginAddressMaxFailures: env.LOGIN_ADDRESS_MAX_FAILURES,
  /** Failed logins in a row before an account locks: twice the per-address limit by default. */
  loginMaxAttempts: env.LOGIN_MAX_ATTEMPTS ?? env.LOGIN_ADDRESS_MAX_FAILURES * 2,
  loginLockMinutes: env.LOGIN_LOCK_MINUTES,
  sessionIdleMinutes: env.SESSION_IDLE_MINUTES,
  /**
   * Whether `<slug>.localhost` reaches a site and localhost links to the sites' development
   * addresses: on by default outside production, off in production.
   */
  devHosts: env.DEV_HOSTS ? on(env.DEV_HOSTS) : !production,
  /** The site themes' Liquid templates and assets. */
  templatesDir: path.resolve(process.cwd(), env.TEMPLATES_DIR),
  /** Parsed templates kept in memory: when compiled, or asked for (benchmarks). */
  templateCache: compiled || (env.TEMPLATE_CACHE ? on(env.TEMPLATE_CACHE) : false),
  /** Running under the test runner: test-only helpers (reading a CAPTCHA's answer) work. */
  testing: env.NODE_ENV === 'test' || Boolean(env.VITEST),
}
