// Demo 领导信箱: a 市长信箱 on the portal and one 局长信箱 per department, with a year of letters in
// every state (deterministic), so lists and statistics look real on first start. The writers
// are fictitious; their phone numbers and e-mail addresses are the test values that the public
// pages must never show.
import type { Payload, RequiredDataFromCollectionSlug } from 'payload'

import { addCalendarDays, addWorkingDays } from '../domain/workdays'
import { beijingDate, dayInstant } from '../domain/dates'
import type { Id } from '../domain/ids'
import { type LetterCategory, RATINGS } from '../domain/letters'
import { findAllSelected } from '../services/records'
import { readWorkCalendar } from '../services/work-calendar'

const TOPICS: Record<
  string,
  { subject: string; category: LetterCategory; content: string; answer: string }[]
> = {
  www: [
    {
      subject: '建议延长市民中心周末办事时间',
      category: 'suggest',
      content:
        '市民中心周六只开放半天，上班族很难办事。建议周六全天开放，或在工作日延长到晚上七点。',
      answer:
        '感谢您的建议。市民中心自下月起试行周六全天开放，并在工作日开设延时服务窗口至19:00，具体安排将在市政府网站公布。',
    },
    {
      subject: '滨江公园夜间照明不足',
      category: 'help',
      content: '滨江公园东门至码头一段步道晚上没有路灯，老人孩子散步不安全，希望尽快增设照明。',
      answer:
        '经市园林部门现场查看，该段步道共需增设太阳能路灯18盏，已列入本季度维修计划，预计月底前完工。',
    },
    {
      subject: '咨询新生儿落户办理流程',
      category: 'consult',
      content: '孩子刚出生，父母户口在不同区，请问新生儿落户需要哪些材料，可以网上办理吗？',
      answer:
        '新生儿可随父或随母落户，凭出生医学证明、父母双方身份证和户口簿，通过“青川办事”网上办理，一般3个工作日办结。',
    },
    {
      subject: '投诉小区周边夜间施工噪声',
      category: 'complain',
      content: '小区旁边的工地每天晚上十一点以后还在施工，噪声很大，严重影响休息。',
      answer:
        '经市生态环境局核查，该工地未取得夜间施工许可，已责令停止夜间作业并立案查处，请您继续监督。',
    },
    {
      subject: '建议增开通往高铁站的公交线路',
      category: 'suggest',
      content: '城北片区到高铁站没有直达公交，需要换乘两次，希望增开直达线路。',
      answer: '市交通运输局已组织客流调查，计划于明年一季度开通城北至高铁站的定制公交线路。',
    },
  ],
  fgw: [
    {
      subject: '咨询企业投资项目备案流程',
      category: 'consult',
      content: '我公司拟投资建设一个仓储项目，请问企业投资项目备案需要准备哪些材料，多长时间办结？',
      answer:
        '企业投资项目备案实行网上办理，通过投资项目在线审批监管平台填报项目信息即可，材料齐全的当场备案。',
    },
    {
      subject: '建议公开重点项目建设进度',
      category: 'suggest',
      content: '建议在网站上定期公开市重点项目的建设进度，方便群众了解和监督。',
      answer: '感谢您的建议。我委已在“政府信息公开—重大建设项目”栏目按季度公开重点项目进展情况。',
    },
    {
      subject: '反映天然气价格调整问题',
      category: 'complain',
      content: '本月天然气账单比上月高出很多，没有看到调价公告，请问是否调整了价格？',
      answer:
        '本市居民用气价格未作调整。经核实，您所在小区本月抄表周期较上月多8天，用气量相应增加。',
    },
  ],
  jyj: [
    {
      subject: '咨询小学入学划片范围',
      category: 'consult',
      content: '我家住在江南街道幸福路，孩子明年上小学，请问对应哪所学校？',
      answer: '幸福路片区对应江南第二小学，具体划片范围将于每年5月在教育局网站公布，请届时查询。',
    },
    {
      subject: '建议学校延长课后服务时间',
      category: 'suggest',
      content: '学校课后服务到下午五点结束，家长下班赶不上接孩子，建议延长到六点。',
      answer: '我局已指导各校根据家长需求提供弹性离校服务，最晚可至18:00，请与学校联系报名。',
    },
    {
      subject: '反映校外培训机构收费问题',
      category: 'complain',
      content: '某培训机构一次性收取一年学费，现在机构关门退费无门，请教育局帮忙处理。',
      answer:
        '我局已会同市场监管部门约谈该机构负责人，督促其制定退费方案，并已将该机构列入重点监管名单。',
    },
  ],
  wjw: [
    {
      subject: '咨询预防接种门诊时间',
      category: 'consult',
      content: '请问社区卫生服务中心的预防接种门诊周末是否开放？',
      answer: '全市社区卫生服务中心预防接种门诊周六上午开放，具体时间可通过“健康青川”公众号查询。',
    },
    {
      subject: '建议增加儿科夜间门诊',
      category: 'suggest',
      content: '晚上孩子发烧只能去市第一医院急诊，排队时间很长，建议其他医院也开设儿科夜诊。',
      answer: '市第二人民医院儿科夜间门诊已于本月开诊，服务时间为每日18:00至22:00。',
    },
    {
      subject: '反映医院停车难问题',
      category: 'help',
      content: '市第一医院停车场每天排长队，家属送病人很不方便，希望想办法解决。',
      answer: '医院已协调周边单位开放错时停车位200个，并开通预约停车服务，后续将建设立体停车楼。',
    },
  ],
}

const WRITERS = [
  {
    writerName: '陈建国',
    writerTitle: 'mr',
    phone: '13800000001',
    email: 'demo-writer1@example.com',
  },
  {
    writerName: '刘晓燕',
    writerTitle: 'ms',
    phone: '13800000002',
    email: 'demo-writer2@example.com',
  },
  { writerName: '张伟', writerTitle: 'mr', phone: '13800000003', email: null },
  {
    writerName: '王芳',
    writerTitle: 'ms',
    phone: '13800000004',
    email: 'demo-writer4@example.com',
  },
  { writerName: '欧阳明', writerTitle: 'none', phone: '13800000005', email: null },
] as const

/** The seeded writers' contact values: tests search public pages for them. */
export const DEMO_WRITER_SECRETS = WRITERS.flatMap((w) => [
  w.phone,
  w.writerName,
  ...(w.email ? [w.email] : []),
])

/** A small deterministic generator, so every demo start makes the same letters. */
function random(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

export async function seedDemoLetters(
  payload: Payload,
  now: Date,
): Promise<{ mailboxes: number; letters: number }> {
  const ctx = { seeding: true }
  const sites = await findAllSelected(payload, {
    collection: 'sites',
    select: ['slug', 'kind', 'leaders'],
  })
  const calendar = await readWorkCalendar(payload)
  const today = beijingDate(now)
  const rnd = random(20261202)
  let mailboxes = 0
  let letters = 0
  for (const site of sites) {
    const topics = TOPICS[site.slug]
    if (!topics) continue
    const leader = site.leaders?.[0]
    const portal = site.kind === 'portal'
    const box = await payload.create({
      collection: 'mailboxes',
      overrideAccess: true,
      context: ctx,
      data: {
        site: site.id,
        name: portal ? '市长信箱' : '局长信箱',
        slug: portal ? 'mayor' : 'director',
        kind: 'leader',
        leaderName: leader?.name ?? '',
        leaderTitle: leader?.title ?? '',
        intro: portal
          ? '欢迎您就本市经济社会发展和政府工作提出意见建议、反映问题。涉及具体部门职责的来信将转交相关部门办理。'
          : '欢迎您就本部门职责范围内的工作提出意见建议、咨询问题或反映情况。',
        order: 0,
      },
    })
    mailboxes++
    type LetterData = RequiredDataFromCollectionSlug<'letters'>
    const write = (data: Omit<LetterData, 'site' | 'mailbox' | 'consentPersonalData'>) =>
      payload.create({
        collection: 'letters',
        overrideAccess: true,
        context: ctx,
        data: { site: site.id, mailbox: box.id, consentPersonalData: true, ...data },
      })
    // Later steps as the letter service records them (status, timeline), not the writer's form.
    const record = (id: Id, data: Partial<LetterData>) =>
      payload.update({
        collection: 'letters',
        id,
        overrideAccess: true,
        context: { ...ctx, letterService: true },
        data,
      })
    // About two letters a week over the past year, older ones mostly finished.
    const count = portal ? 60 : 30
    for (let i = 0; i < count; i++) {
      const topic = topics[i % topics.length]
      const writer = WRITERS[Math.floor(rnd() * WRITERS.length)]
      const daysAgo = Math.floor((365 * (count - i)) / count) - Math.floor(rnd() * 3)
      const received = addCalendarDays(today, -Math.max(0, daysAgo))
      const created = await write({
        channel: rnd() < 0.85 ? 'web' : 'letter',
        receivedAt: dayInstant(received),
        subject: topic.subject,
        category: topic.category,
        content: `${topic.content}${rnd() < 0.3 ? `我的联系电话是${writer.phone}。` : ''}`,
        ...writer,
        email: writer.email ?? undefined,
        consentPublish: rnd() < 0.7,
      })
      letters++
      const at = (date: string, hour: number) =>
        new Date(`${date}T${String(hour).padStart(2, '0')}:30:00+08:00`).toISOString()
      const accepted = addWorkingDays({ from: received, days: 1 + Math.floor(rnd() * 2), calendar })
      const answeredDay = addWorkingDays({
        from: received,
        days: 4 + Math.floor(rnd() * 16),
        calendar,
      })
      const age = daysAgo
      // The newest letters are still being handled; a few older ones were rejected.
      const stage =
        age < 3 ? 'submitted' : age < 12 ? 'accepted' : i % 17 === 5 ? 'rejected' : 'answered'
      if (stage === 'submitted') continue
      const timeline: Record<string, unknown>[] = [
        { at: at(received, 9), kind: 'submitted', label: '网上来信' },
      ]
      const patch: Record<string, unknown> = {}
      if (stage === 'rejected') {
        timeline.push({ at: at(accepted, 10), kind: 'reject', label: '不予受理：重复来信' })
        Object.assign(patch, {
          status: 'rejected',
          rejectReason: 'duplicate',
          closedAt: at(accepted, 10),
        })
      } else {
        timeline.push({ at: at(accepted, 10), kind: 'accept', label: '已受理' })
        Object.assign(patch, { status: 'accepted', acceptedAt: at(accepted, 10) })
      }
      if (stage === 'answered' && answeredDay <= today) {
        timeline.push({ at: at(answeredDay, 15), kind: 'approve', label: '已答复' })
        const r = rnd()
        const rating = r < 0.15 ? null : RATINGS[Math.min(4, Math.floor(rnd() * rnd() * 5))]
        const poor = rating === 'dissatisfied' || rating === 'very-dissatisfied'
        Object.assign(patch, {
          status: rating ? 'closed' : 'answered',
          answer: topic.answer,
          answeredAt: at(answeredDay, 15),
          approvedAt: at(answeredDay, 15),
          published: Boolean(created.consentPublish),
          publishedAt: created.consentPublish ? at(answeredDay, 16) : null,
        })
        if (rating) {
          const ratedDay = addWorkingDays({ from: answeredDay, days: 2, calendar })
          timeline.push({ at: at(ratedDay, 20), kind: 'rating', label: `来信人评价` })
          Object.assign(patch, {
            rating,
            resolved: poor ? 'no' : 'yes',
            ratedAt: at(ratedDay, 20),
            closedAt: at(ratedDay, 20),
          })
          if (poor) {
            const followed = addWorkingDays({ from: ratedDay, days: 3, calendar })
            timeline.push({
              at: at(followed, 11),
              kind: 'follow-up',
              label: '差评跟进：已重新办理或说明',
            })
            Object.assign(patch, {
              followUpAnswer: '已再次与来信人沟通并现场核实，问题已按来信人意见重新处理。',
              followUpAt: at(followed, 11),
              closedAt: at(followed, 11),
            })
          }
        }
      }
      await record(created.id, { ...patch, timeline })
    }
    // One department let a letter lie: accepted a hundred days ago and never answered, so the
    // demo shows the 3-month veto on 督办, on the public figures and in 网站体检.
    if (site.slug === 'wjw') {
      const received = addCalendarDays(today, -100)
      const forgotten = await write({
        channel: 'web',
        receivedAt: dayInstant(received),
        subject: '社区卫生服务中心夜间无人值守',
        category: 'complain',
        content:
          '我家附近的社区卫生服务中心晚上八点以后就没有医生值班，老人夜里发病只能去很远的医院，希望能安排夜间值守。',
        ...WRITERS[0],
        email: WRITERS[0].email ?? undefined,
        consentPublish: false,
      })
      const acceptedAt = new Date(`${addCalendarDays(received, 1)}T10:30:00+08:00`).toISOString()
      await record(forgotten.id, {
        status: 'accepted',
        acceptedAt,
        timeline: [
          {
            at: new Date(`${received}T09:30:00+08:00`).toISOString(),
            kind: 'submitted',
            label: '网上来信',
          },
          { at: acceptedAt, kind: 'accept', label: '已受理' },
        ],
      })
      letters++
    }
  }
  letters += await seedRecentSteps(payload, sites, today)
  return { mailboxes, letters }
}

/** Recent letters taken through the real steps: one awaiting review, one 差评 being followed up,
 * one transferred from the portal to a department. */
async function seedRecentSteps(
  payload: Payload,
  sites: { id: Id; slug: string; kind: string }[],
  today: string,
): Promise<number> {
  const portal = sites.find((s) => s.kind === 'portal')
  const department = sites.find((s) => s.slug === 'fgw')
  if (!portal || !department) return 0
  const boxOf = async (site: Id) =>
    (
      await payload.find({
        collection: 'mailboxes',
        where: { site: { equals: site } },
        limit: 1,
        depth: 0,
        overrideAccess: true,
      })
    ).docs[0]
  const [portalBox, departmentBox] = [await boxOf(portal.id), await boxOf(department.id)]
  if (!portalBox || !departmentBox) return 0
  const write = (subject: string, content: string, days: number) =>
    payload.create({
      collection: 'letters',
      overrideAccess: true,
      context: { seeding: true },
      data: {
        site: portal.id,
        mailbox: portalBox.id,
        channel: 'web',
        receivedAt: dayInstant(addCalendarDays(today, -days)),
        subject,
        category: 'suggest',
        content,
        ...WRITERS[0],
        consentPersonalData: true,
        consentPublish: true,
      },
    })
  const step = (id: Id, data: Record<string, unknown>) =>
    payload.update({
      collection: 'letters',
      id,
      data,
      overrideAccess: true,
      context: { seeding: true },
    })
  const review = await write(
    '建议在老旧小区加装电梯',
    '我们小区是九十年代建的六层楼，老人上下楼困难，建议政府支持老旧小区加装电梯。',
    6,
  )
  await step(review.id, { step: 'accept' })
  await step(review.id, {
    step: 'answer',
    answer: '我市已出台既有住宅加装电梯补助办法，每部电梯补助20万元，请联系所在街道办理。',
  })
  const moved = await write(
    '咨询重点项目招商政策',
    '我们企业想在青川投资新能源项目，请问有哪些招商优惠政策，应该找哪个部门？',
    2,
  )
  await step(moved.id, {
    step: 'transfer',
    transferTo: departmentBox.id,
    stepNote: '属市发展改革委职责',
  })
  return 2
}
