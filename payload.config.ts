import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { zh } from '@payloadcms/translations/languages/zh'
import nodemailer from 'nodemailer'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { collections, globals } from './collections'
import { auditLoginFailureEverywhere } from './collections/hooks/audit'
import { jobs } from './src/jobs'
import { graphqlValidationRules } from './src/services/graphql-limits'
import { annualReportPreviewHandler, letterFiguresEndpoint } from './src/services/report-endpoints'
import { firstHourCsvEndpoint, supervisionEndpoint } from './src/services/report-endpoints'
import { databaseAdapter } from './src/db'
import { beijingYear } from './src/domain/dates'
import { ensureCounters } from './src/services/numbering'
import { ensurePlatformData } from './src/seed/platform'
import { ensureSearchIndex } from './src/services/search-index'
import { settings } from './src/settings'

const dirname = path.dirname(fileURLToPath(import.meta.url))

const origins = [`http://localhost:${settings.port}`, ...settings.publicOrigins]

export default buildConfig({
  secret: settings.secret,
  serverURL: settings.serverUrl,
  db: databaseAdapter(settings.databaseUrl),
  collections,
  globals,
  jobs,
  editor: lexicalEditor(),
  sharp,
  csrf: origins,
  cors: origins,
  i18n: { supportedLanguages: { zh }, fallbackLanguage: 'zh' },
  admin: {
    user: 'users',
    avatar: 'default',
    // Chinese dates everywhere a date field or list cell is shown (date-fns pattern).
    dateFormat: 'yyyy年M月d日 HH:mm',
    meta: {
      titleSuffix: ` - ${settings.platformName}`,
      icons: [{ rel: 'icon', type: 'image/svg+xml', url: '/assets/emblem.svg' }],
    },
    importMap: { baseDir: path.resolve(dirname) },
    components: {
      graphics: { Logo: '/src/admin/Brand#Logo', Icon: '/src/admin/Brand#Icon' },
      beforeDashboard: ['/src/admin/MyQueue#MyQueue'],
      afterNavLinks: ['/src/admin/NavLinks#NavLinks'],
      views: {
        firstHour: { Component: '/src/admin/FirstHourView#FirstHourView', path: '/first-hour' },
        supervision: {
          Component: '/src/admin/SupervisionView#SupervisionView',
          path: '/supervision',
        },
        audit: { Component: '/src/admin/AuditView#AuditView', path: '/audit' },
        retire: { Component: '/src/admin/RetireView#RetireView', path: '/retire' },
      },
    },
  },
  upload: {
    limits: {
      fileSize: Math.max(settings.attachmentMaxBytes, settings.imageMaxBytes) + 1024 * 1024,
    },
  },
  email: settings.smtpUrl
    ? nodemailerAdapter({
        defaultFromAddress: settings.mailFrom,
        defaultFromName: '集约平台',
        transport: nodemailer.createTransport(settings.smtpUrl),
        skipVerify: settings.env !== 'production',
      })
    : undefined,
  endpoints: [
    firstHourCsvEndpoint,
    supervisionEndpoint,
    letterFiguresEndpoint,
    { path: '/reports/annual', method: 'get', handler: annualReportPreviewHandler },
  ],
  graphQL: {
    disablePlaygroundInProduction: true,
    // Payload's own switch refuses introspection to everyone in production; ours lets platform
    // admins through and also caps aliases and depth.
    disableIntrospectionInProduction: false,
    validationRules: graphqlValidationRules({ production: settings.production }),
  },
  hooks: {
    // `?where=` or a body that is not JSON fails in Payload's parsing, before any collection
    // hook: a 400 with a sentence, not a 500.
    afterError: [
      ({ error }) =>
        error instanceof SyntaxError
          ? {
              status: 400,
              response: {
                errors: [{ message: '请求中的 JSON 格式不正确（查询参数 where 或请求正文）' }],
              },
            }
          : undefined,
      // Failed logins through REST and GraphQL: audited, one answer for every account.
      auditLoginFailureEverywhere,
    ],
  },
  // Types are generated for reference; not declared onto Payload, because ids are numbers on
  // SQL databases and strings on MongoDB and the code must serve both.
  typescript: {
    outputFile: path.resolve(dirname, 'src/payload-types.ts'),
    autoGenerate: false,
    declare: false,
  },
  telemetry: false,
  // Wherever Payload starts (server, `npm run seed`, tests; not the CLI's migrate): the platform
  // data every installation needs (work calendar, classification lists) into empty collections,
  // so a request gets the same due date whichever started first; and this and next year's number
  // counters before the first signing needs them (src/services/numbering.ts says why).
  onInit: async (payload) => {
    if (settings.platformData) {
      const { calendar, classifications } = await ensurePlatformData(payload)
      if (calendar) payload.logger.info(calendar, 'official work calendar seeded')
      if (classifications)
        payload.logger.info({ classifications }, 'disclosure topic and genre lists seeded')
    }
    const year = beijingYear(new Date())
    await ensureCounters(payload, [year, year + 1]).catch((err: unknown) =>
      payload.logger.warn({ err }, 'numbering counters could not be prepared'),
    )
    // The search index's own tables, and the index made again when it is empty.
    await ensureSearchIndex(payload).catch((err: unknown) =>
      payload.logger.warn({ err }, 'search index could not be opened'),
    )
  },
})
