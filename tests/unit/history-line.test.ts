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
