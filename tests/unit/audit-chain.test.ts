import { describe, expect, it } from 'vitest'

import {
  type AuditEvent,
  type ChainBreak,
  canonicalJson,
  createVerifier,
  describeResult,
  eventDigestInput,
  GENESIS,
  hashEvent,
  sealEvent,
  type StoredEvent,
  verifyChain,
  type VerifyOptions,
  type VerifyResult,
} from '../../src/domain/audit-chain'

/** A chain of n sealed events, seq 1..n, as the audit service writes them. */
const chain = (n: number): StoredEvent[] => {
  const out: StoredEvent[] = []
  for (let i = 0; i < n; i++) {
    const e = sealEvent(out[i - 1] ?? null, {
      at: new Date(Date.UTC(2026, 10, 22, 8, i)).toISOString(),
      user: 7,
      userEmail: 'editor@example.gov.cn',
      site: 3,
      action: i % 2 ? 'article.publish' : 'article.sign',
      target: `articles:${100 + i}`,
      outcome: 'success',
      detail: { state: 'signed', numbers: [i, { b: 2, a: 1 }] },
    })
    out.push({ ...e, id: 1000 + e.seq })
  }
  return out
}
const without = (events: StoredEvent[], ...seqs: number[]) =>
  events.filter((e) => !seqs.includes(e.seq))
const kinds = (r: VerifyResult) => r.breaks.map((b) => [b.kind, b.seq])

/** Verifies with verifyChain and, page by page, with createVerifier; both must agree. */
const verify = (events: StoredEvent[], options?: VerifyOptions): VerifyResult => {
  const whole = verifyChain(events, options)
  const sorted = [...events].sort((a, b) => a.seq - b.seq)
  const verifier = createVerifier(options)
  for (let i = 0; i < sorted.length; i += 3) sorted.slice(i, i + 3).forEach((e) => verifier.push(e))
  expect(verifier.result()).toEqual(whole)
  return whole
}

describe('canonical JSON', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 'z' }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[1,{"x":"z","y":2}]},"b":1}',
    )
  })

  it('writes the same text whatever order the keys were inserted in', () => {
    const one = { detail: { z: [3, 2, 1], a: { q: null, p: true } }, action: '登录' }
    const two = { action: '登录', detail: { a: { p: true, q: null }, z: [3, 2, 1] } }
    expect(canonicalJson(one)).toBe(canonicalJson(two))
    expect(canonicalJson(JSON.parse(JSON.stringify(two)))).toBe(canonicalJson(one))
  })

  it('keeps the order of arrays, which carries meaning', () => {
    expect(canonicalJson([3, 1, 2])).not.toBe(canonicalJson([1, 2, 3]))
  })

  it('drops undefined from objects and writes it as null in arrays, as JSON does', () => {
    expect(canonicalJson({ a: undefined, b: [undefined, 1], c: null })).toBe(
      '{"b":[null,1],"c":null}',
    )
    expect(canonicalJson(undefined)).toBe('null')
  })

  it('writes dates as ISO instants, and values with toJSON as their JSON', () => {
    const at = new Date('2026-11-22T08:00:00+08:00')
    expect(canonicalJson({ at })).toBe('{"at":"2026-11-22T00:00:00.000Z"}')
    const objectId = { toJSON: () => '6740a1b2c3d4e5f601234567' }
    expect(canonicalJson({ id: objectId })).toBe('{"id":"6740a1b2c3d4e5f601234567"}')
  })

  it.each([
    ['a string with "quotes" and 中文', '"a string with \\"quotes\\" and 中文"'],
    [0, '0'],
    [-1.5, '-1.5'],
    [Number.NaN, 'null'],
    [Number.POSITIVE_INFINITY, 'null'],
    [true, 'true'],
    [null, 'null'],
    [[], '[]'],
    [{}, '{}'],
  ])('writes %j as %s', (value, text) => {
    expect(canonicalJson(value)).toBe(text)
  })

  it('refuses a circular structure instead of looping', () => {
    const a: Record<string, unknown> = {}
    a.self = a
    expect(() => canonicalJson(a)).toThrow(TypeError)
  })
})

describe('sealing', () => {
  it('starts from the genesis hash and links each event to the one before', () => {
    const c = chain(3)
    expect(c.map((e) => e.seq)).toEqual([1, 2, 3])
    expect(c[0].prevHash).toBe(GENESIS)
    expect(c[1].prevHash).toBe(c[0].hash)
    expect(c[2].prevHash).toBe(c[1].hash)
    expect(c[0].hash).toMatch(/^[0-9a-f]{64}$/)
    expect(hashEvent(c[2])).toBe(c[2].hash)
  })

  it('hashes numeric ids and their strings alike, so SQL and MongoDB agree', () => {
    const base = {
      at: '2026-11-22T00:00:00.000Z',
      action: 'user.login',
      outcome: 'success' as const,
    }
    const sql = sealEvent(null, { ...base, user: 7, site: 3 })
    const mongo = sealEvent(null, { ...base, user: '7', site: '3' })
    const populated = sealEvent(null, {
      ...base,
      user: '7',
      site: { id: 3 } as unknown as number,
    })
    expect(sql.hash).toBe(mongo.hash)
    expect(populated.hash).toBe(sql.hash)
    expect(sealEvent(null, { ...base, user: 8, site: 3 }).hash).not.toBe(sql.hash)
  })

  it('hashes what a database gives back the same as what was written', () => {
    const written = chain(1)[0]
    const readBack: AuditEvent = {
      ...written,
      at: '2026-11-22T16:00:00+08:00', // the same instant, another offset
      user: '7',
      site: '3',
      detail: { numbers: [0, { a: 1, b: 2 }], state: 'signed' }, // jsonb reorders keys
    }
    expect(hashEvent(readBack)).toBe(written.hash)
    const {
      target: _t,
      detail: _d,
      ...sparse
    } = sealEvent(null, {
      at: written.at,
      action: 'x',
      outcome: 'success',
      target: null,
      detail: null,
    })
    expect(hashEvent(sparse)).toBe(sparse.hash) // MongoDB leaves out fields that were null
  })

  it('seals the fields that matter and nothing else', () => {
    const e = chain(1)[0]
    const input = JSON.parse(eventDigestInput(e))
    expect(Object.keys(input)).toEqual([
      'action',
      'at',
      'detail',
      'outcome',
      'prevHash',
      'seq',
      'site',
      'target',
      'user',
      'userEmail',
    ])
    expect(input).toMatchObject({ seq: 1, user: '7', site: '3', prevHash: GENESIS })
    expect(hashEvent({ ...e, id: 'another id' } as AuditEvent)).toBe(e.hash)
  })

  it.each<[string, Partial<AuditEvent>]>([
    ['the time', { at: '2026-11-22T08:00:01.000Z' }],
    ['the user', { user: 8 }],
    ['the e-mail', { userEmail: 'other@example.gov.cn' }],
    ['the site', { site: 4 }],
    ['the action', { action: 'article.delete' }],
    ['the target', { target: 'articles:1' }],
    ['the outcome', { outcome: 'failure' }],
    ['the detail', { detail: { state: 'draft' } }],
    ['the sequence number', { seq: 9 }],
    ['the previous hash', { prevHash: '1'.repeat(64) }],
  ])('changes the hash when %s changes', (_field, change) => {
    const e = chain(1)[0]
    expect(hashEvent({ ...e, ...change })).not.toBe(e.hash)
  })
})

describe('verifying a chain', () => {
  it('finds a whole chain whole, in whatever order the events come', () => {
    const c = chain(10)
    const shuffled = [c[4], c[0], c[9], c[2], c[7], c[1], c[8], c[3], c[6], c[5]]
    const r = verify(shuffled)
    expect(r).toEqual({ ok: true, checked: 10, firstSeq: 1, lastSeq: 10, breaks: [] })
  })

  it('finds an empty chain whole', () => {
    expect(verify([])).toEqual({
      ok: true,
      checked: 0,
      firstSeq: null,
      lastSeq: null,
      breaks: [],
    })
  })

  it.each([1, 5, 10])('names event %i, the first, a middle or the last, as edited', (seq) => {
    const c = chain(10)
    const i = seq - 1
    c[i] = { ...c[i], detail: { state: 'tampered' } }
    const r = verify(c)
    expect(r.ok).toBe(false)
    expect(r.breaks).toEqual([
      { seq, id: 1000 + seq, kind: 'edited', message: `第 ${seq} 条事件的内容被修改（哈希不符）` },
    ])
  })

  it('names every edited event, not only the first', () => {
    const c = chain(10)
    for (const i of [1, 4, 8]) c[i] = { ...c[i], outcome: 'failure' }
    expect(kinds(verify(c))).toEqual([
      ['edited', 2],
      ['edited', 5],
      ['edited', 9],
    ])
  })

  it('names events deleted from the middle', () => {
    const r = verify(without(chain(10), 4, 5, 6))
    expect(r.breaks).toEqual([{ seq: 4, kind: 'missing', message: '第 4–6 条事件缺失（被删除）' }])
    expect(r).toMatchObject({ ok: false, checked: 7, firstSeq: 1, lastSeq: 10 })
  })

  it('names a single deleted event by itself', () => {
    expect(verify(without(chain(10), 7)).breaks).toEqual([
      { seq: 7, kind: 'missing', message: '第 7 条事件缺失（被删除）' },
    ])
  })

  it('names events deleted from the start', () => {
    expect(verify(without(chain(10), 1)).breaks).toEqual([
      { seq: 1, kind: 'missing', message: '第 1 条事件缺失（被删除）' },
    ])
    expect(verify(without(chain(10), 1, 2, 3)).breaks).toEqual([
      { seq: 1, kind: 'missing', message: '第 1–3 条事件缺失（被删除）' },
    ])
  })

  it('accepts a chain checked from a later event when told where to start', () => {
    const c = chain(10)
    const tail = c.slice(5)
    expect(verify(tail, { fromSeq: 6 }).ok).toBe(true)
    expect(verify(tail, { fromSeq: 6, fromPrevHash: c[4].hash }).ok).toBe(true)
    expect(verify(tail.slice(1), { fromSeq: 6 }).breaks).toEqual([
      { seq: 6, kind: 'missing', message: '第 6 条事件缺失（被删除）' },
    ])
  })

  it('catches a chain that starts where it was told but links to another event', () => {
    const c = chain(10)
    const r = verify(c.slice(5), { fromSeq: 6, fromPrevHash: c[3].hash })
    expect(r.breaks).toEqual([
      {
        seq: 6,
        id: 1006,
        kind: 'relinked',
        message: '第 6 条事件的前序哈希与核验起点给定的哈希不符',
      },
    ])
  })

  it('names events deleted from the end when the last seq is known', () => {
    const c = chain(10)
    expect(verify(c.slice(0, 8)).ok).toBe(true) // nothing shows a missing tail by itself
    expect(verify(c.slice(0, 8), { expectedLast: 10 }).breaks).toEqual([
      { seq: 9, kind: 'missing', message: '第 9–10 条事件缺失（链尾被删除）' },
    ])
    expect(verify(c, { expectedLast: 10 }).ok).toBe(true)
    expect(verify(c, { expectedLast: 8 }).ok).toBe(true) // events appended since are fine
  })

  it('names every event as missing when all of them were deleted', () => {
    expect(verify([], { expectedLast: 3 }).breaks).toEqual([
      { seq: 1, kind: 'missing', message: '第 1–3 条事件缺失（被删除）' },
    ])
    expect(verify([], { fromSeq: 5, expectedLast: 6 }).breaks[0]).toMatchObject({ seq: 5 })
  })

  it('catches an edit re-hashed to hide it: the next event no longer links to it', () => {
    const c = chain(5)
    const forged = { ...sealEvent(c[1], { ...c[2], action: 'article.delete' }), id: c[2].id }
    const r = verify([c[0], c[1], forged, c[3], c[4]])
    expect(r.breaks).toEqual([
      { seq: 4, id: 1004, kind: 'relinked', message: '第 4 条事件的前序哈希与第 3 条不符' },
    ])
  })

  it('catches a first event re-sealed onto another start, and the link after it', () => {
    const c = chain(3)
    const first = { ...c[0], prevHash: 'f'.repeat(64) }
    const resealed = { ...first, hash: hashEvent(first) }
    expect(verify([resealed, c[1], c[2]]).breaks).toEqual([
      { seq: 1, id: 1001, kind: 'relinked', message: '第 1 条事件的前序哈希不是链的起点' },
      { seq: 2, id: 1002, kind: 'relinked', message: '第 2 条事件的前序哈希与第 1 条不符' },
    ])
  })

  it('catches two events whose places were swapped', () => {
    const c = chain(5)
    const swapped = [c[0], c[1], { ...c[3], seq: 3 }, { ...c[2], seq: 4 }, c[4]]
    expect(kinds(verify(swapped))).toEqual([
      ['edited', 3],
      ['relinked', 3],
      ['edited', 4],
      ['relinked', 4],
      ['relinked', 5],
    ])
  })

  it('catches an event inserted in the middle with a fresh hash', () => {
    const c = chain(5)
    const inserted = { ...sealEvent(c[1], { ...c[2], action: 'user.login' }), id: 9999 }
    const shifted = c.slice(2).map((e) => ({ ...e, seq: e.seq + 1 }))
    expect(kinds(verify([c[0], c[1], inserted, ...shifted]))).toEqual([
      ['edited', 4],
      ['relinked', 4],
      ['edited', 5],
      ['edited', 6],
    ])
  })

  it('reports a repeated sequence number once per extra copy', () => {
    const c = chain(4)
    const r = verify([...c, { ...c[2], id: 2000 }])
    expect(r.breaks).toEqual([
      { seq: 3, id: 2000, kind: 'duplicate', message: '第 3 条事件重复出现' },
    ])
    expect(r).toMatchObject({ checked: 5, lastSeq: 4 })
  })

  it('does not blame the next event when a forged copy of an event sits beside the real one', () => {
    const c = chain(4)
    const forgedCopy = { ...sealEvent(c[1], { ...c[2], action: 'article.delete' }), id: 2000 }
    const r = verify([c[0], c[1], forgedCopy, c[2], c[3]])
    expect(r.breaks.map((b) => [b.kind, b.seq, b.id])).toEqual([['duplicate', 3, 1003]])
  })

  it('names every break of a chain tampered in several ways, in order', () => {
    const c = chain(12)
    c[1] = { ...c[1], userEmail: 'someone@else.cn' } // 2 edited
    const gone = without(c, 5, 6) // 5–6 deleted
    gone.push({ ...c[8], id: 3000 }) // 9 duplicated
    const r = verify(gone, { expectedLast: 14 })
    expect(r.breaks.map((b: ChainBreak) => b.message)).toEqual([
      '第 2 条事件的内容被修改（哈希不符）',
      '第 5–6 条事件缺失（被删除）',
      '第 9 条事件重复出现',
      '第 13–14 条事件缺失（链尾被删除）',
    ])
  })

  it('keeps at most maxBreaks breaks, counting the rest', () => {
    const c = chain(6).map((e) => ({ ...e, action: 'x' }))
    const r = verify(c, { maxBreaks: 2 })
    expect(r.breaks).toHaveLength(2)
    expect(r).toMatchObject({ ok: false, omitted: 4 })
    expect(describeResult(r)).toContain('发现 6 处问题')
  })

  it('refuses events pushed out of order, a fault of the caller and not of the chain', () => {
    const c = chain(3)
    const v = createVerifier()
    v.push(c[0])
    v.push(c[2])
    expect(() => v.push(c[1])).toThrow(/升序/)
  })

  it('checks a chain page by page as it does all at once', () => {
    const c = chain(25)
    c[11] = { ...c[11], target: 'articles:1' }
    const gone = without(c, 20, 21)
    const v = createVerifier()
    for (let i = 0; i < gone.length; i += 10) for (const e of gone.slice(i, i + 10)) v.push(e)
    expect(v.result()).toEqual(verifyChain(gone))
    expect(kinds(v.result())).toEqual([
      ['edited', 12],
      ['missing', 20],
    ])
  })
})

describe('describing a result', () => {
  it('says a whole chain is whole, with its count and range', () => {
    expect(describeResult(verifyChain(chain(3)))).toBe('审计链完整：共 3 条事件（第 1–3 条）')
    expect(describeResult(verifyChain(chain(1)))).toBe('审计链完整：共 1 条事件（第 1 条）')
    expect(
      describeResult({ ok: true, checked: 1234, firstSeq: 1, lastSeq: 1234, breaks: [] }),
    ).toBe('审计链完整：共 1,234 条事件（第 1–1234 条）')
  })

  it('says an empty chain is empty', () => {
    expect(describeResult(verifyChain([]))).toBe('审计链为空：尚无事件')
  })

  it('lists every break of a broken chain, one per line', () => {
    const c = chain(6)
    c[2] = { ...c[2], action: 'x' }
    expect(describeResult(verifyChain(without(c, 5)))).toBe(
      [
        '审计链断裂：共检查 5 条事件（第 1–6 条），发现 2 处问题：',
        '  - 第 3 条事件的内容被修改（哈希不符）',
        '  - 第 5 条事件缺失（被删除）',
      ].join('\n'),
    )
  })

  it('lists only so many breaks, saying how many more there are', () => {
    const c = chain(5).map((e) => ({ ...e, action: 'x' }))
    const text = describeResult(verifyChain(c), 2)
    expect(text.split('\n')).toHaveLength(4)
    expect(text).toContain('……另有 3 处问题未列出')
  })
})
