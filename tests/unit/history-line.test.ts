import { describe, expect, it } from 'vitest'

import { historyLine } from '../../src/domain/workflow'

describe("an article's history row in the admin", () => {
  it('reads as Beijing time, the person and the move in Chinese', () => {
    expect(
      historyLine({ at: '2026-12-02T11:22:00.000Z', byName: '张三', by: 9, move: 'sign' }),
    ).toBe('2026-12-02 19:22 张三 签发')
  })

  it('names the publishing clock as 系统 and keeps an unknown move as written', () => {
    expect(historyLine({ at: '2026-12-02T00:00:00.000Z', move: 'publish' })).toBe(
      '2026-12-02 08:00 系统 发布',
    )
    expect(historyLine({ at: '2026-12-02T00:00:00.000Z', by: 3, move: 'teleport' })).toBe(
      '2026-12-02 08:00 teleport',
    )
  })
})

describe('what signing needs', () => {
  it('names each missing field with its path, and the refusal reads the same sentences', async () => {
    const { signingNeeds, signingProblems, SIGNING_FIELDS } =
      await import('../../src/domain/workflow')
    const facts = { disclosureMode: 'on-request', orgCode: '' }
    expect(signingNeeds(facts)).toEqual([
      { path: 'issuingOrgan', message: '签发前须填写发文机关' },
      { path: 'dateFormed', message: '签发前须填写成文日期' },
      { path: 'disclosureReason', message: '公开方式不是“主动公开”时，须填写不主动公开的理由' },
      { message: '本站未设置机构代码，无法生成索引号；请站点管理员先在站点设置中填写' },
    ])
    expect(signingProblems(facts)).toEqual(signingNeeds(facts).map((n) => n.message))
    const complete = {
      issuingOrgan: '青川市发展和改革委员会',
      dateFormed: '2026-12-01',
      disclosureMode: 'proactive',
      orgCode: '123456789',
    }
    expect(signingNeeds(complete)).toEqual([])
    // Every field the form marks is one the rule can name.
    for (const f of SIGNING_FIELDS)
      expect(signingNeeds({ ...complete, [f]: '' }).map((n) => n.path)).toContain(f)
  })
})
