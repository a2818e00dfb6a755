// Decides how audit events are chained by hashes, and where a chain breaks.
//
// Each event seals its own content together with the previous event's hash (the first one with
// GENESIS), so an edit shows as a hash that no longer matches, a deletion as a gap in `seq`, and
// an edit re-hashed to hide it as a link the next event no longer points to.
import { createHash } from 'node:crypto'

export type AuditEvent = {
  seq: number
  at: string
  user?: string | number | null
  userEmail?: string | null
  site?: string | number | null
  action: string
  target?: string | null
  outcome: 'success' | 'failure'
  detail?: unknown
  prevHash: string
  hash: string
}

/** The previous hash of event 1. */
export const GENESIS = '0'.repeat(64)

/**
 * Stable JSON: object keys sorted at every depth, no whitespace, undefined (and functions,
 * symbols) dropped from objects and written as null in arrays, like JSON.stringify; values with
 * toJSON (Date, ObjectId, Buffer) written as their JSON. Throws on a circular structure.
 */
export function canonicalJson(value: unknown): string {
  return write(value, new Set()) ?? 'null'
}

const write = (value: unknown, stack: Set<object>): string | undefined => {
  if (value === null) return 'null'
  switch (typeof value) {
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined
    case 'string':
    case 'boolean':
      return JSON.stringify(value)
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null'
    case 'bigint':
      return value.toString()
  }
  const obj = value as object & { toJSON?: () => unknown }
  if (typeof obj.toJSON === 'function') return write(obj.toJSON(), stack)
  if (stack.has(obj)) throw new TypeError('canonicalJson: 循环引用的结构无法写成 JSON')
  stack.add(obj)
  let out: string
  if (Array.isArray(obj)) {
    out = `[${obj.map((v) => write(v, stack) ?? 'null').join(',')}]`
  } else {
    const parts: string[] = []
    for (const key of Object.keys(obj).sort()) {
      const v = write((obj as Record<string, unknown>)[key], stack)
      if (v !== undefined) parts.push(`${JSON.stringify(key)}:${v}`)
    }
    out = `{${parts.join(',')}}`
  }
  stack.delete(obj)
  return out
}

/** An id as text: 7 and '7' alike, a populated relationship by its id, '' as none. */
const idText = (v: unknown): string | null => {
  if (v != null && typeof v === 'object' && 'id' in v) return idText((v as { id: unknown }).id)
  return v == null || v === '' ? null : String(v)
}
const text = (v: string | null | undefined): string | null => (v == null || v === '' ? null : v)
/** An instant as ISO, whatever precision or offset the database returned; kept as is if invalid. */
const instant = (v: unknown): string => {
  const d = v instanceof Date ? v : new Date(String(v))
  return Number.isNaN(d.getTime()) ? String(v) : d.toISOString()
}

/**
 * The text that is hashed: the fields that matter, normalised so that a round trip through any
 * database (numeric SQL ids or Mongo ObjectId strings, jsonb key order, missing vs null fields,
 * date precision) hashes the same.
 */
export const eventDigestInput = (e: Omit<AuditEvent, 'hash'>): string =>
  canonicalJson({
    seq: Number(e.seq),
    at: instant(e.at),
    user: idText(e.user),
    userEmail: text(e.userEmail),
    site: idText(e.site),
    action: String(e.action),
    target: text(e.target),
    outcome: e.outcome,
    detail: e.detail ?? null,
    prevHash: e.prevHash,
  })

/** SHA-256 of the digest input, as 64 hex digits. */
export const hashEvent = (e: Omit<AuditEvent, 'hash'>): string =>
  createHash('sha256').update(eventDigestInput(e), 'utf8').digest('hex')

/** The next event after `previous` (or the first, after GENESIS), sealed with its hash. */
export function sealEvent(
  previous: Pick<AuditEvent, 'seq' | 'hash'> | null,
  fields: Omit<AuditEvent, 'seq' | 'prevHash' | 'hash'>,
): AuditEvent {
  const unsealed = {
    ...fields,
    seq: previous ? previous.seq + 1 : 1,
    prevHash: previous ? previous.hash : GENESIS,
  }
  return { ...unsealed, hash: hashEvent(unsealed) }
}

export type ChainBreak = {
  /** The event where the break is; for missing events, the first one missing. */
  seq: number
  id?: string | number
  kind: 'edited' | 'missing' | 'relinked' | 'duplicate'
  message: string
}
export type VerifyResult = {
  ok: boolean
  checked: number
  firstSeq: number | null
  lastSeq: number | null
  breaks: ChainBreak[]
  /** Breaks found beyond `maxBreaks` and not listed (counted, so `ok` stays false). */
  omitted?: number
}
export type VerifyOptions = {
  /** The first seq expected (default 1): events before the first one seen are missing. */
  fromSeq?: number
  /** The prevHash the event at fromSeq must carry (known from an earlier, trusted run). */
  fromPrevHash?: string
  /** The last seq known to exist (e.g. from a checkpoint): events after the last seen are missing. */
  expectedLast?: number
  /** How many breaks to keep in the result (default 1000); the rest are only counted. */
  maxBreaks?: number
}
export type StoredEvent = AuditEvent & { id?: string | number }
export type Verifier = { push(event: StoredEvent): void; result(): VerifyResult }

const span = (a: number, b: number) => (a === b ? `第 ${a} 条` : `第 ${a}–${b} 条`)

/**
 * A verifier fed events in ascending seq (page by page over millions of events); it holds only
 * the hashes of the last seq seen. An event pushed with a lower seq than one before it is a
 * mistake of the caller's paging, not of the chain, and throws.
 */
export function createVerifier(options: VerifyOptions = {}): Verifier {
  const expectedFirst = options.fromSeq ?? 1
  const maxBreaks = options.maxBreaks ?? 1000
  const breaks: ChainBreak[] = []
  let omitted = 0
  let checked = 0
  let firstSeq: number | null = null
  let lastSeq: number | null = null
  // The stored hashes of the events at lastSeq (more than one when seq is duplicated): the next
  // event may point to any of them.
  let tailHashes = new Set<string>()

  const report = (b: ChainBreak) => {
    if (breaks.length < maxBreaks) breaks.push(b)
    else omitted++
  }
  const withId = (b: ChainBreak, id: string | number | undefined): ChainBreak =>
    id === undefined ? b : { ...b, id }

  return {
    push(event) {
      const seq = event.seq
      if (lastSeq != null && seq < lastSeq)
        throw new RangeError(`审计事件须按序号升序核验：第 ${seq} 条出现在第 ${lastSeq} 条之后`)
      checked++
      if (firstSeq == null) {
        firstSeq = seq
        if (seq > expectedFirst)
          report({
            seq: expectedFirst,
            kind: 'missing',
            message: `${span(expectedFirst, seq - 1)}事件缺失（被删除）`,
          })
      }

      let digestOk: boolean
      try {
        digestOk = hashEvent(event) === event.hash
      } catch {
        digestOk = false // content that cannot even be hashed has been tampered with
      }
      if (!digestOk)
        report(
          withId(
            { seq, kind: 'edited', message: `第 ${seq} 条事件的内容被修改（哈希不符）` },
            event.id,
          ),
        )

      if (seq === lastSeq) {
        report(withId({ seq, kind: 'duplicate', message: `第 ${seq} 条事件重复出现` }, event.id))
        tailHashes.add(event.hash)
        return
      }

      if (lastSeq != null && seq > lastSeq + 1) {
        // After a gap the link cannot be checked: the event it points to is gone.
        report({
          seq: lastSeq + 1,
          kind: 'missing',
          message: `${span(lastSeq + 1, seq - 1)}事件缺失（被删除）`,
        })
      } else if (lastSeq != null) {
        if (!tailHashes.has(event.prevHash))
          report(
            withId(
              {
                seq,
                kind: 'relinked',
                message: `第 ${seq} 条事件的前序哈希与第 ${lastSeq} 条不符`,
              },
              event.id,
            ),
          )
      } else {
        const expected =
          seq === expectedFirst && options.fromPrevHash != null
            ? options.fromPrevHash
            : seq === 1
              ? GENESIS
              : null
        if (expected != null && event.prevHash !== expected)
          report(
            withId(
              {
                seq,
                kind: 'relinked',
                message:
                  seq === 1
                    ? '第 1 条事件的前序哈希不是链的起点'
                    : `第 ${seq} 条事件的前序哈希与核验起点给定的哈希不符`,
              },
              event.id,
            ),
          )
      }
      lastSeq = seq
      tailHashes = new Set([event.hash])
    },

    result() {
      const all = [...breaks]
      let extra = omitted
      const last = options.expectedLast
      const after = lastSeq ?? expectedFirst - 1
      if (last != null && last > after) {
        const b: ChainBreak = {
          seq: after + 1,
          kind: 'missing',
          message: `${span(after + 1, last)}事件缺失（${lastSeq == null ? '被删除' : '链尾被删除'}）`,
        }
        if (all.length < maxBreaks) all.push(b)
        else extra++
      }
      const ok = all.length === 0 && extra === 0
      return { ok, checked, firstSeq, lastSeq, breaks: all, ...(extra ? { omitted: extra } : {}) }
    },
  }
}

/** Verifies events given in any order (sorted by seq here). Reports every break, not the first. */
export function verifyChain(events: StoredEvent[], options: VerifyOptions = {}): VerifyResult {
  const verifier = createVerifier(options)
  for (const e of [...events].sort((a, b) => a.seq - b.seq)) verifier.push(e)
  return verifier.result()
}

const count = (n: number) => n.toLocaleString('en-US')

/** The summary the CLI prints: one line when whole, the breaks one per line when not. */
export function describeResult(r: VerifyResult, listAtMost = 100): string {
  if (r.ok && r.checked === 0) return '审计链为空：尚无事件'
  const range =
    r.firstSeq == null
      ? ''
      : r.firstSeq === r.lastSeq
        ? `（第 ${r.firstSeq} 条）`
        : `（第 ${r.firstSeq}–${r.lastSeq} 条）`
  if (r.ok) return `审计链完整：共 ${count(r.checked)} 条事件${range}`
  const total = r.breaks.length + (r.omitted ?? 0)
  const listed = r.breaks.slice(0, listAtMost)
  const unlisted = total - listed.length
  return [
    `审计链断裂：共检查 ${count(r.checked)} 条事件${range}，发现 ${count(total)} 处问题：`,
    ...listed.map((b) => `  - ${b.message}`),
    ...(unlisted > 0 ? [`  - ……另有 ${count(unlisted)} 处问题未列出`] : []),
  ].join('\n')
}
