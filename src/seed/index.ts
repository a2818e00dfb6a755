// The demo platform: a city portal, its department sites, their staff and a year of content.
import { createLocalReq, type Payload, type RequiredDataFromCollectionSlug } from 'payload'
import type { Logger } from 'pino'

import { SITE_ROLES } from '../domain/permissions'
import { settings } from '../settings'
import { demoPlatform, demoSites, type SeedColumn, type SeedSite } from './content'
import { demoImage, demoPdf } from './files'
import { paragraphsToLexical } from './lexical'
import { beijingYear } from '../domain/dates'
import { parseDocNumber } from '../domain/numbering'
import { recordManualDocNumber, takeIndexNumber } from '../services/numbering'
import { auditAllSites } from '../services/site-audit'
import {
  classifyDemoArticles,
  seedClassificationsIfEmpty,
  seedDemoAnnualReports,
  seedDemoRequests,
} from './disclosure'
import { seedDemoErrorReports } from './error-reports'
import { seedDemoLetters } from './letters'
import { seedDemoSharing } from './sharing'

// The issuer codes of each demo site's document series (regular and normative).
const SERIES: Record<string, [string, string]> = {
  www: ['青政发', '青政规'],
  fgw: ['青发改发', '青发改规'],
  jyj: ['青教发', '青教规'],
  wjw: ['青卫健发', '青卫健规'],
}

export const DEMO_DOMAIN = 'demo.jiyue'

/** E-mail of a demo user: `platform@demo.jiyue`, or `<role>@<site>.demo.jiyue` for site roles. */
export const demoEmail = (role: string, site?: string) =>
  site
    ? `${role === 'site-admin' ? 'admin' : role}@${site}.${DEMO_DOMAIN}`
    : `${role}@${DEMO_DOMAIN}`

const DAY = 24 * 60 * 60 * 1000
const ctx = { seeding: true }

export type SeedResult = {
  sites: number
  columns: number
  articles: number
  users: number
  ms: number
}

/** Seeds only an empty database (no sites yet); returns what it made, or null. */
export async function seedIfEmpty(
  payload: Payload,
  { logger }: { logger?: Pick<Logger, 'info'> } = {},
): Promise<SeedResult | null> {
  const existing = await payload.count({ collection: 'sites', overrideAccess: true })
  if (existing.totalDocs > 0) return null
  logger?.info('empty database: seeding the demo platform')
  return seedDemo(payload, { now: new Date() })
}

export async function seedDemo(
  payload: Payload,
  { now = new Date(), sites = demoSites } = {},
): Promise<SeedResult> {
  const started = Date.now()
  let columnCount = 0
  let articleCount = 0
  let imageNo = 0
  const password = settings.demoPassword
  const siteIds = new Map<string, string | number>()
  let portalId: string | number | undefined
  await seedClassificationsIfEmpty(payload)

  for (const s of sites) {
    const site = await payload.create({
      collection: 'sites',
      context: ctx,
      overrideAccess: true,
      data: {
        name: s.name,
        slug: s.slug,
        kind: s.kind,
        theme: s.theme,
        status: 'active',
        parent: s.kind === 'department' ? portalId : undefined,
        domains: s.domains.map((domain) => ({ domain })),
        siteIdCode: s.siteIdCode,
        orgName: s.orgName,
        orgCode: s.orgCode,
        icp: s.icp,
        psbRecord: s.psbRecord,
        sponsor: s.sponsor,
        operator: s.operator,
        address: s.address,
        postcode: s.postcode,
        phone: s.phone,
        officeHours: s.officeHours,
        leaders: s.leaders,
        disclosure: {
          includeDepartments: s.kind === 'portal',
          office: `${s.orgName}办公室（政府信息公开工作机构）`,
          address: s.address,
          postcode: s.postcode,
          hours: s.officeHours,
          phone: s.phone,
          email: `xxgk@${s.slug}.${DEMO_DOMAIN}`,
          guideNotes:
            '申请人对本机关政府信息公开工作有意见的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报。',
        },
      },
    })
    if (s.kind === 'portal') portalId = site.id
    siteIds.set(s.slug, site.id)
    const [regular, normative] = SERIES[s.slug] ?? [`${s.slug}发`, `${s.slug}规`]
    for (const [name, prefix, kind] of [
      [`${s.orgName}文件`, regular, 'regular'],
      [`${s.orgName}规范性文件`, normative, 'normative'],
    ]) {
      await payload.create({
        collection: 'numbering-series',
        context: ctx,
        overrideAccess: true,
        data: { site: site.id, name, prefix, kind },
      })
    }

    const columnIds = new Map<string, string | number>()
    const addColumns = async (cols: SeedColumn[], parent?: string | number) => {
      for (const [i, c] of cols.entries()) {
        const col = await payload.create({
          collection: 'columns',
          context: ctx,
          overrideAccess: true,
          data: {
            site: site.id,
            name: c.name,
            slug: c.slug,
            parent,
            updateClass: c.updateClass,
            isDisclosure: Boolean(c.isDisclosure),
            showOnHome: Boolean(c.showOnHome),
            order: i,
          },
        })
        columnIds.set(c.slug, col.id)
        columnCount++
        if (c.children?.length) await addColumns(c.children, col.id)
      }
    }
    await addColumns(s.columns)

    for (const a of s.articles) {
      const column = columnIds.get(a.column)
      if (column == null)
        throw new Error(`demo article “${a.title}” names unknown column ${a.column}`)
      const publishedAt = new Date(
        now.getTime() - a.daysAgo * DAY - ((articleCount * 7919) % 36_000) * 1000,
      )
      let coverImage: string | number | undefined
      if (a.withImage) {
        const media = await payload.create({
          collection: 'media',
          context: ctx,
          overrideAccess: true,
          data: { site: site.id, alt: a.title, caption: a.title },
          file: {
            data: await demoImage(imageNo, a.scene),
            mimetype: 'image/jpeg',
            name: `${s.slug}-${imageNo++}.jpg`,
            size: 0,
          },
        })
        coverImage = media.id
      }
      const attachments: (string | number)[] = []
      if (a.withAttachment) {
        const pdf = demoPdf([
          s.orgName ? 'Qingchuan demo document' : 'Demo',
          `No. ${articleCount + 1}`,
          publishedAt.toISOString().slice(0, 10),
        ])
        const file = await payload.create({
          collection: 'attachments',
          context: ctx,
          overrideAccess: true,
          data: { site: site.id, title: `${a.title}（附件）` },
          file: {
            data: pdf,
            mimetype: 'application/pdf',
            name: `${s.slug}-doc-${articleCount + 1}.pdf`,
            size: pdf.length,
          },
        })
        attachments.push(file.id)
      }
      // Signed a few minutes to (now and then) more than an hour before going online.
      const delay = (((articleCount * 37) % 20) + 5 + (articleCount % 11 === 0 ? 70 : 0)) * 60_000
      const signedAt = new Date(publishedAt.getTime() - delay)
      const article = await payload.create({
        collection: 'articles',
        context: ctx,
        overrideAccess: true,
        data: {
          site: site.id,
          title: a.title,
          columns: [column],
          summary: a.summary,
          body: paragraphsToLexical(a.paragraphs),
          coverImage,
          attachments,
          source: a.source ?? s.orgName,
          author: a.author,
          docNumber: a.docNumber,
          issuingOrgan: s.orgName,
          dateFormed: signedAt.toISOString().slice(0, 10),
          disclosureMode: 'proactive',
          state: 'published',
          signedAt: signedAt.toISOString(),
          publishedAt: publishedAt.toISOString(),
          // Written on the day it was published: the audit flags items shown earlier than made.
          createdAt: new Date(signedAt.getTime() - 3_600_000).toISOString(),
        },
      })
      // Numbers through the same service as a real signing, so the sequences explain themselves.
      const req = await createLocalReq({ context: ctx }, payload)
      const year = Number(signedAt.toISOString().slice(0, 4))
      const index = await takeIndexNumber(req, {
        orgCode: s.orgCode,
        year,
        site: site.id,
        article: article.id,
      })
      const parsed = a.docNumber ? parseDocNumber(a.docNumber) : null
      if (parsed) {
        await recordManualDocNumber(req, {
          number: a.docNumber!,
          year: parsed.year,
          seq: parsed.seq,
          site: site.id,
          article: article.id,
        })
      }
      await payload.update({
        collection: 'articles',
        id: article.id,
        context: ctx,
        overrideAccess: true,
        data: { indexNumber: index.number },
      })
      articleCount++
    }
  }

  // One draft per site, so that “drafts never show publicly” can be seen on the demo.
  for (const s of sites) {
    const siteId = siteIds.get(s.slug)!
    const col = await payload.find({
      collection: 'columns',
      where: { site: { equals: siteId } },
      limit: 1,
      overrideAccess: true,
      depth: 0,
    })
    if (!col.docs[0]) continue
    const unpublished = (
      data: Omit<RequiredDataFromCollectionSlug<'articles'>, 'site' | 'columns'>,
    ) =>
      payload.create({
        collection: 'articles',
        context: ctx,
        overrideAccess: true,
        data: { site: siteId, columns: [col.docs[0].id], ...data },
      })
    await unpublished({
      title: `【草稿】${s.name}待审稿件`,
      summary: '尚未发布的稿件',
      state: 'draft',
    })
    // And one waiting for its reviewer, so a reviewer's first login has something to review.
    await unpublished({
      title: `关于${s.name}2027年第一季度重点工作安排的报告（送审稿）`,
      summary: '编辑已提交审核，等待审核人审核',
      state: 'submitted',
      history: [
        {
          move: 'submit',
          from: 'draft',
          to: 'submitted',
          at: now.toISOString(),
          // The site's editor (the users are made below, in the same order).
          byName: DEMO_NAMES[(sites.indexOf(s) * SITE_ROLES.length + 1) % DEMO_NAMES.length],
        },
      ],
    })
  }

  for (const s of sites) await classifyDemoArticles(payload, s.slug, siteIds.get(s.slug)!)
  const users = await seedUsers(payload, { sites, siteIds, password })
  await seedDemoSharing(payload, siteIds)
  await seedDemoRequests(payload, [...siteIds.values()], now)
  await seedDemoLetters(payload, now)
  await seedDemoErrorReports(payload, now)
  await seedDemoAnnualReports(
    payload,
    sites.map((s) => ({ id: siteIds.get(s.slug)!, name: s.name })),
    beijingYear(now) - 1,
  )
  await payload.updateGlobal({
    slug: 'platform-settings',
    overrideAccess: true,
    data: { name: demoPlatform.name, shortName: '集约平台', operator: demoPlatform.operator },
  })
  // The first audit, so that 网站体检 has something to show on the demo's first start.
  await auditAllSites(payload, { now, trigger: 'nightly' })
  return {
    sites: sites.length,
    columns: columnCount,
    articles: articleCount,
    users,
    ms: Date.now() - started,
  }
}

/** Names of the demo's site staff (site admin, editor, reviewer, signer, handler per site). */
const DEMO_NAMES = [
  '张建华',
  '王丽娟',
  '李志强',
  '刘晓燕',
  '陈国栋',
  '杨文静',
  '赵海峰',
  '黄美玲',
  '周立新',
  '吴佳怡',
  '徐振宇',
  '孙雅琴',
  '马俊杰',
  '朱慧敏',
  '胡德明',
  '郭思远',
  '何秀英',
  '高明辉',
  '林诗雨',
  '罗永刚',
]

async function seedUsers(
  payload: Payload,
  {
    sites,
    siteIds,
    password,
  }: { sites: SeedSite[]; siteIds: Map<string, string | number>; password: string },
): Promise<number> {
  const rows: {
    email: string
    name: string
    platformRoles?: ('platform-admin' | 'auditor')[]
    sites?: { site: string | number; roles: (typeof SITE_ROLES)[number][] }[]
  }[] = [
    { email: demoEmail('platform'), name: '陆明远', platformRoles: ['platform-admin'] },
    { email: demoEmail('auditor'), name: '钟晓岚', platformRoles: ['auditor'] },
  ]
  // People by their names, as the admin shows them in lists, history rows and mails.
  let n = 0
  for (const s of sites) {
    for (const role of SITE_ROLES) {
      rows.push({
        email: demoEmail(role, s.slug),
        name: DEMO_NAMES[n++ % DEMO_NAMES.length],
        sites: [{ site: siteIds.get(s.slug)!, roles: [role] }],
      })
    }
  }
  for (const row of rows) {
    await payload.create({
      collection: 'users',
      context: ctx,
      overrideAccess: true,
      data: { ...row, password },
    })
  }
  return rows.length
}

export { demoPlatform }
