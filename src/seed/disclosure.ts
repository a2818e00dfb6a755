// Disclosure data: the platform's topic and genre lists (platform data, seeded into empty
// collections at every start), and the demo sites' requests and annual reports.
import type { Payload } from 'payload'

import { beijingDate } from '../domain/dates'
import { creditCodeCheckChar, organisationCodeCheckChar } from '../domain/identity'
import { addCalendarDays, workingDaysBetween } from '../domain/workdays'
import { readWorkCalendar } from '../services/work-calendar'

/** 主题分类: the State Council's disclosure catalogue topics (国务院公文主题分类, first level). */
export const TOPICS = [
  '综合政务',
  '国民经济管理、国有资产监管',
  '财政、金融、审计',
  '国土资源、能源',
  '农业、林业、水利',
  '工业、交通',
  '商贸、海关、旅游',
  '市场监管、安全生产监管',
  '城乡建设、环境保护',
  '科技、教育',
  '文化、广电、新闻出版',
  '卫生、体育',
  '人口与计划生育、妇女儿童工作',
  '劳动、人事、监察',
  '公安、安全、司法',
  '民政、扶贫、救灾',
  '民族、宗教',
  '对外事务',
  '港澳台侨工作',
  '国防',
  '其他',
] as const

/** 体裁分类: the kinds of official documents of 党政机关公文处理工作条例, plus 其他. */
export const GENRES = [
  '决议',
  '决定',
  '命令（令）',
  '公报',
  '公告',
  '通告',
  '意见',
  '通知',
  '通报',
  '报告',
  '请示',
  '批复',
  '议案',
  '函',
  '纪要',
  '规定',
  '办法',
  '规划',
  '解读',
  '其他',
] as const

/** Seeds the topic and genre lists into empty collections; returns how many were made. */
export async function seedClassificationsIfEmpty(payload: Payload): Promise<number> {
  let made = 0
  for (const [collection, names] of [
    ['disclosure-topics', TOPICS],
    ['disclosure-genres', GENRES],
  ] as const) {
    const existing = await payload.count({ collection, overrideAccess: true })
    if (existing.totalDocs > 0) continue
    for (const [i, name] of names.entries()) {
      await payload.create({
        collection,
        overrideAccess: true,
        context: { seeding: true },
        data: { name, code: String(i + 1).padStart(2, '0'), order: i },
      })
      made++
    }
  }
  return made
}

/** The genre a title names (…的通知 → 通知), else 其他. */
export function genreOfTitle(title: string): string {
  const t = title.replace(/[》」”"）)]+$/, '')
  if (/政策解读|解读/.test(t)) return '解读'
  if (/规划/.test(t) && !/通知$/.test(t)) return '规划'
  for (const g of [
    '通知',
    '公告',
    '通告',
    '意见',
    '决定',
    '通报',
    '报告',
    '批复',
    '办法',
    '规定',
    '纪要',
    '函',
  ])
    if (t.endsWith(g)) return g
  return '其他'
}

type Id = string | number

const ids = async (payload: Payload, collection: 'disclosure-topics' | 'disclosure-genres') => {
  const res = await payload.find({
    collection,
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  return new Map(res.docs.map((d) => [String((d as unknown as { name: string }).name), d.id as Id]))
}

/**
 * Topic, genre and document kind for every demo article of a site: 规〔 numbers are normative
 * documents (in force); the topic follows the site's field of work.
 */
export async function classifyDemoArticles(payload: Payload, siteSlug: string, siteId: Id) {
  const topics = await ids(payload, 'disclosure-topics')
  const genres = await ids(payload, 'disclosure-genres')
  const topicName =
    { www: '综合政务', fgw: '国民经济管理、国有资产监管', jyj: '科技、教育', wjw: '卫生、体育' }[
      siteSlug
    ] ?? '综合政务'
  const res = await payload.find({
    collection: 'articles',
    where: { site: { equals: siteId } },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { title: true, docNumber: true, indexNumber: true },
  })
  for (const a of res.docs as unknown as {
    id: Id
    title: string
    docNumber?: string | null
    indexNumber?: string | null
  }[]) {
    if (!a.indexNumber) continue
    const normative = Boolean(a.docNumber && /规〔/.test(a.docNumber))
    await payload.update({
      collection: 'articles',
      id: a.id,
      overrideAccess: true,
      context: { seeding: true },
      data: {
        topic: topics.get(topicName),
        genre: genres.get(genreOfTitle(a.title)),
        ...(normative ? { documentKind: 'normative', validity: 'in-force' } : {}),
      },
    })
  }
}

/** A unified social credit code with both check characters right (GB 32100-2015). */
function demoCreditCode(region: string, organisation: string): string {
  const org = organisation + organisationCodeCheckChar(organisation)
  const first17 = `91${region}${org}`
  return first17 + creditCodeCheckChar(first17)
}

const DEMO_APPLICANTS = [
  {
    applicantKind: 'natural-person',
    applicantName: '王晓明',
    idType: 'resident-id',
    idNumber: '11010519491231002X',
    phone: '13912345678',
    email: 'wangxm@example.com',
    address: '青川市东城区和平路 12 号',
    postcode: '100010',
    description: '申请公开本单位 2026 年度老旧小区改造项目的资金安排和实施计划。',
    formWanted: 'electronic',
    delivery: 'email',
  },
  {
    applicantKind: 'commercial-enterprise',
    applicantName: '青川市恒达建设有限公司',
    idType: 'credit-code',
    idNumber: demoCreditCode('350100', 'MA2Y3K7D'),
    legalRepresentative: '陈建国',
    contactPerson: '李芳',
    phone: '0591-87654321',
    email: 'lifang@example.com',
    description: '申请公开城南片区道路改造工程招标文件中的评标办法及中标结果公示材料。',
    formWanted: 'paper',
    delivery: 'post',
    address: '青川市南湖区建设大道 88 号',
    postcode: '100020',
  },
  {
    applicantKind: 'natural-person',
    applicantName: '赵丽',
    idType: 'resident-id',
    idNumber: '11010519491231002X',
    phone: '13600001111',
    description: '申请公开本市 2025 年义务教育阶段学校招生计划的分校数据。',
    formWanted: 'electronic',
    delivery: 'online',
  },
]

/**
 * Three requests on each department site and the portal, in different places of their life:
 * answered, being handled, just arrived; on the first site one is overdue, for 督办.
 */
export async function seedDemoRequests(
  payload: Payload,
  siteIds: Id[],
  now: Date,
): Promise<number> {
  const calendar = await readWorkCalendar(payload)
  const today = beijingDate(now)
  /** The latest date with `days` working days between it and today. */
  const back = (days: number) => {
    let d = today
    while (workingDaysBetween({ from: d, to: today, calendar }) < days) d = addCalendarDays(d, -1)
    return d
  }
  let made = 0
  const create = async (
    site: Id,
    receivedAt: string,
    applicant: (typeof DEMO_APPLICANTS)[number],
    channel: string,
  ) => {
    made++
    return payload.create({
      collection: 'disclosure-requests',
      overrideAccess: true,
      context: { seeding: true },
      data: { site, channel, receivedAt, ...applicant },
    })
  }
  const stepOf = (id: Id, data: Record<string, unknown>) =>
    payload.update({
      collection: 'disclosure-requests',
      id,
      overrideAccess: true,
      context: { seeding: true },
      data,
    })
  for (const [i, site] of siteIds.entries()) {
    const answered = await create(site, back(12), DEMO_APPLICANTS[0], 'web')
    await stepOf(answered.id, { step: 'register' })
    await stepOf(answered.id, {
      step: 'answer',
      stepOutcome: 'disclosed',
      replyText:
        '经查，您申请的信息属于公开范围，现通过电子邮件向您提供《老旧小区改造项目资金安排表》。',
    })
    const handling = await create(site, back(6), DEMO_APPLICANTS[1], 'letter')
    await stepOf(handling.id, { step: 'register' })
    await create(site, back(1), DEMO_APPLICANTS[2], 'web')
    if (i === 1) {
      const late = await create(site, back(24), DEMO_APPLICANTS[2], 'counter')
      await stepOf(late.id, { step: 'register' })
    }
  }
  return made
}

/** Last year's annual report of every site, published, with the text sections a site writes. */
export async function seedDemoAnnualReports(
  payload: Payload,
  sites: { id: Id; name: string }[],
  year: number,
): Promise<void> {
  for (const s of sites) {
    await payload.create({
      collection: 'annual-reports',
      overrideAccess: true,
      context: { seeding: true },
      data: {
        site: s.id,
        year,
        section1: `${year} 年，${s.name}认真贯彻落实《中华人民共和国政府信息公开条例》，围绕中心工作，持续加强主动公开，依法规范办理政府信息公开申请，不断完善政府信息管理和公开平台建设，政府信息公开工作取得新成效。`,
        licensing: 0,
        penalty: 0,
        coercion: 0,
        feesWanYuan: 0,
        section5:
          '存在的主要问题：部分栏目更新不够及时，政策解读形式较为单一。改进措施：健全信息发布协调机制，丰富图文、视频等解读形式。',
        section6: `本机关 ${year} 年度未收取信息处理费。`,
        published: true,
      },
    })
  }
}
