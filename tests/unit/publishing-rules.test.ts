import { describe, expect, it } from 'vitest'

import {
  canonicalJson,
  describeResult,
  GENESIS,
  sealEvent,
  verifyChain,
  type AuditEvent,
} from '../../src/domain/audit-chain'
import {
  delayMinutes,
  dueStages,
  firstHourCsv,
  firstHourReport,
  formatDelay,
  scheduleSlipped,
} from '../../src/domain/first-hour'
import { blocksPublishing, nearMiss, parseWordList, runChecks } from '../../src/domain/prepublish'
import { paragraphsToLexical } from '../../src/seed/lexical'

const chain = (n: number): AuditEvent[] => {
  const out: AuditEvent[] = []
  for (let i = 0; i < n; i++) {
    out.push(
      sealEvent(out[i - 1] ?? null, {
        at: new Date(Date.UTC(2026, 10, 22, 8, i)).toISOString(),
        user: i % 2 ? 7 : '7',
        action: 'article.sign',
        target: `articles:${i}`,
        outcome: 'success',
        detail: { b: 1, a: [i, { z: 1, y: null }] },
      }),
    )
  }
  return out
}

describe('audit chain', () => {
  it('starts from the genesis hash and links each event to the previous one', () => {
    const c = chain(3)
    expect(c[0].prevHash).toBe(GENESIS)
    expect(c.map((e) => e.seq)).toEqual([1, 2, 3])
    expect(c[1].prevHash).toBe(c[0].hash)
    expect(verifyChain(c)).toMatchObject({ ok: true, checked: 3, firstSeq: 1, lastSeq: 3 })
    expect(describeResult(verifyChain(c))).toBe('审计链完整：共 3 条事件（第 1–3 条）')
  })

  it('writes canonical JSON whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: undefined }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[1,{"y":2}]},"b":1}',
    )
  })

  it('hashes a numeric id and its string alike (SQL and MongoDB)', () => {
    const a = sealEvent(null, {
      at: '2026-11-22T00:00:00.000Z',
      user: 7,
      site: 3,
      action: 'x',
      outcome: 'success',
    })
    const b = sealEvent(null, {
      at: '2026-11-22T00:00:00.000Z',
      user: '7',
      site: '3',
      action: 'x',
      outcome: 'success',
    })
    expect(a.hash).toBe(b.hash)
  })

  it.each([0, 4, 9])('names event %i as edited when a field changes', (i) => {
    const c = chain(10)
    c[i] = { ...c[i], action: 'article.delete' }
    const r = verifyChain(c)
    expect(r.ok).toBe(false)
    expect(r.breaks[0]).toMatchObject({ seq: i + 1, kind: 'edited' })
    expect(r.breaks[0].message).toBe(`第 ${i + 1} 条事件的内容被修改（哈希不符）`)
  })

  it('names deleted events in the middle, at the start and at the end', () => {
    const c = chain(10)
    expect(verifyChain([...c.slice(0, 3), ...c.slice(6)]).breaks).toEqual([
      { seq: 4, kind: 'missing', message: '第 4–6 条事件缺失（被删除）' },
    ])
    expect(verifyChain(c.slice(1)).breaks[0].message).toBe('第 1 条事件缺失（被删除）')
    expect(verifyChain(c.slice(0, 8), { expectedLast: 10 }).breaks[0].message).toBe(
      '第 9–10 条事件缺失（链尾被删除）',
    )
  })

  it('catches an edited event re-hashed to hide the edit: the next link breaks', () => {
    const c = chain(5)
    const forged = sealEvent(c[1], { ...c[2], action: 'forged' })
    const r = verifyChain([c[0], c[1], forged, c[3], c[4]])
    expect(r.breaks).toEqual([
      { seq: 4, kind: 'relinked', message: '第 4 条事件的前序哈希与第 3 条不符', id: undefined },
    ])
    expect(describeResult(r)).toMatch(/^审计链断裂/)
  })

  it('reports a duplicated sequence number', () => {
    const c = chain(3)
    expect(verifyChain([...c, c[2]]).breaks.map((b) => b.kind)).toContain('duplicate')
  })
})

describe('first hour', () => {
  const signed = '2026-11-22T02:00:00.000Z'
  const at = (min: number) => new Date(Date.parse(signed) + min * 60_000)

  it.each([
    [29, []],
    [31, ['remind-30']],
    [51, ['remind-50']],
    [61, ['remind-50', 'escalate-60']],
  ])('at +%i minutes the due stages are %j', (min, keys) => {
    expect(dueStages({ signedAt: signed, now: at(min), sent: [] }).map((s) => s.key)).toEqual(keys)
  })

  it('sends nothing twice and nothing once published', () => {
    expect(
      dueStages({ signedAt: signed, now: at(61), sent: ['remind-30', 'remind-50', 'escalate-60'] }),
    ).toEqual([])
    expect(dueStages({ signedAt: signed, publishedAt: at(10), now: at(61), sent: [] })).toEqual([])
  })

  it('reports the share within the hour, the median, the worst and the late ones', () => {
    const items = [
      { id: 1, title: '甲', site: 1, signedAt: signed, publishedAt: at(10).toISOString() },
      { id: 2, title: '乙', site: 1, signedAt: signed, publishedAt: at(30).toISOString() },
      { id: 3, title: '丙', site: 2, signedAt: signed, publishedAt: at(90).toISOString() },
      { id: 4, title: '丁', site: 2, signedAt: signed, publishedAt: null },
      { id: 5, title: '戊', site: 2, signedAt: at(100).toISOString(), publishedAt: null },
    ]
    const r = firstHourReport({
      items,
      from: '2026-11-22T00:00:00Z',
      to: '2026-11-23T00:00:00Z',
      now: at(120),
    })
    expect(r).toMatchObject({
      signed: 5,
      published: 3,
      within: 2,
      medianMinutes: 30,
      worstMinutes: 120,
    })
    // 4 decided (3 published, 1 late unpublished); item 5 is still inside its hour.
    expect(r.share).toBe(0.5)
    expect(r.late.map((l) => [l.id, l.stillUnpublished])).toEqual([
      [4, true],
      [3, false],
    ])
    expect(r.bySite.find((s) => s.site === 1)).toMatchObject({ signed: 2, within: 2, share: 1 })
    const csv = firstHourCsv(r)
    expect(csv.startsWith('\uFEFF站点,标题')).toBe(true)
    expect(csv).toContain('超时未发布')
  })

  it('guards CSV cells against formulas and quotes commas', () => {
    const r = firstHourReport({
      items: [
        {
          id: 1,
          title: '=HYPERLINK("x"),y',
          site: 1,
          signedAt: signed,
          publishedAt: at(70).toISOString(),
        },
      ],
      from: signed,
      to: at(1).toISOString(),
      now: at(80),
    })
    expect(firstHourCsv(r)).toContain(`"'=HYPERLINK(""x""),y"`)
  })

  it('measures delays and raises the schedule alarm after 60 seconds', () => {
    expect(delayMinutes(signed, at(45))).toBe(45)
    expect(formatDelay(45)).toBe('45 分钟')
    expect(formatDelay(65)).toBe('1 小时 5 分钟')
    expect(formatDelay(60 * 27)).toBe('1 天 3 小时')
    const due = new Date(signed)
    expect(
      scheduleSlipped({ scheduledAt: due, now: new Date(due.getTime() + 59_000), live: false }),
    ).toBe(false)
    expect(
      scheduleSlipped({ scheduledAt: due, now: new Date(due.getTime() + 61_000), live: false }),
    ).toBe(true)
    expect(
      scheduleSlipped({ scheduledAt: due, now: new Date(due.getTime() + 61_000), live: true }),
    ).toBe(false)
  })
})

describe('checks before publishing', () => {
  const lists = { sensitiveWords: ['赌博'], leaderNames: ['李明华', '王建国'] }
  const body = paragraphsToLexical([
    '市长李名华出席会议。',
    '联系人电话 13812345678，编号 1381234567890 不是手机号。',
    '申请人身份证号 11010519491231002X 已登记，另有 110105194912310021 校验位错误。',
  ])

  it('finds each problem with its place', () => {
    const findings = runChecks({ title: '严禁赌博', summary: '王建国同志讲话', body }, { lists })
    expect(findings.map((f) => [f.kind, f.severity, f.place.label])).toEqual([
      ['sensitive-word', 'block', '标题'],
      ['leader-name', 'warn', '正文第 1 段'],
      ['mobile', 'confirm', '正文第 2 段'],
      ['id-number', 'confirm', '正文第 3 段'],
    ])
    expect(findings[1].message).toBe('正文第 1 段中的“李名华”疑似领导姓名“李明华”之误')
    expect(findings[2].message).toContain('138****5678')
    expect(findings[3].message).toContain('11*************02X')
    expect(findings.map((f) => f.message).join()).not.toContain('13812345678')
  })

  it('blocks on sensitive words always, on personal data until confirmed', () => {
    const pii = runChecks({ body }, { lists: { sensitiveWords: [], leaderNames: [] } })
    expect(blocksPublishing(pii, false)).toBe(true)
    expect(blocksPublishing(pii, true)).toBe(false)
    const word = runChecks({ title: '赌博' }, { lists })
    expect(blocksPublishing(word, true)).toBe(true)
  })

  it('blocks links to missing or unpublished pages, and warns about images without alt', () => {
    const withLink = {
      root: {
        type: 'root',
        children: [
          {
            type: 'paragraph',
            children: [
              {
                type: 'link',
                fields: { url: '/tzgg/99.html', linkType: 'custom' },
                children: [{ type: 'text', text: '旧通知' }],
              },
            ],
          },
          { type: 'upload', relationTo: 'media', value: { id: 3, alt: '' } },
        ],
      },
    }
    const f = runChecks({ body: withLink }, { lists, linkStatus: { '/tzgg/99.html': 'missing' } })
    expect(f.map((x) => [x.kind, x.severity])).toEqual([
      ['link', 'block'],
      ['image-alt', 'warn'],
    ])
    expect(f[0].message).toBe('正文第 1 段的链接 /tzgg/99.html 指向的页面不存在')
  })

  it.each([
    ['李名华', '李明华', true],
    ['李华明', '李明华', true],
    ['李明华', '李明华', false],
    ['张明华', '李明华', false],
    ['王建', '王健', false],
  ])('%s is a near miss of %s: %s', (candidate, name, expected) => {
    expect(nearMiss(candidate, name)).toBe(expected)
  })

  it('reads word lists one per line or separated by commas', () => {
    expect(parseWordList('赌博\n毒品，赌博、 枪支 ')).toEqual(['赌博', '毒品', '枪支'])
  })
})
