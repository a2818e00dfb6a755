// Decides how audit events are chained by hashes, and where a chain breaks.
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

export const GENESIS = '0'.repeat(64)

/** Stable JSON: object keys sorted at every depth, undefined dropped, dates as ISO strings. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null'
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (value instanceof Date) return JSON.stringify(value.toISOString())
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
}

const idText = (v: unknown): string | null => (v == null || v === '' ? null : String(v))

/** The fields that are sealed; ids as strings so SQL numbers and Mongo ObjectIds hash alike. */
export const eventDigestInput = (e: Omit<AuditEvent, 'hash'>): string =>
  canonicalJson({
    seq: e.seq,
    at: new Date(e.at).toISOString(),
    user: idText(e.user),
    userEmail: e.userEmail ?? null,
    site: idText(e.site),
    action: e.action,
    target: e.target ?? null,
    outcome: e.outcome,
    detail: e.detail ?? null,
    prevHash: e.prevHash,
  })

export const hashEvent = (e: Omit<AuditEvent, 'hash'>): string =>
  createHash('sha256').update(eventDigestInput(e)).digest('hex')

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
}
type Options = { fromSeq?: number; fromPrevHash?: string; expectedLast?: number }
type Stored = AuditEvent & { id?: string | number }

const range = (a: number, b: number) => (a === b ? `第 ${a} 条` : `第 ${a}–${b} 条`)

/** A verifier fed events in ascending seq, page by page; holds only the previous event. */
export function createVerifier(options: Options = {}) {
  const breaks: ChainBreak[] = []
  let checked = 0
  let firstSeq: number | null = null
  let previous: Stored | null = null
  return {
    push(event: Stored) {
      checked++
      if (firstSeq == null) {
        firstSeq = event.seq
        const expectedFirst = options.fromSeq ?? 1
        if (event.seq > expectedFirst) {
          breaks.push({
            seq: expectedFirst,
            kind: 'missing',
            message: `${range(expectedFirst, event.seq - 1)}事件缺失（被删除）`,
          })
        }
      }
      if (hashEvent(event) !== event.hash) {
        breaks.push({
          seq: event.seq,
          id: event.id,
          kind: 'edited',
          message: `第 ${event.seq} 条事件的内容被修改（哈希不符）`,
        })
      }
      if (previous && event.seq === previous.seq) {
        breaks.push({
          seq: event.seq,
          id: event.id,
          kind: 'duplicate',
          message: `第 ${event.seq} 条事件重复出现`,
        })
        return
      }
      if (previous && event.seq > previous.seq + 1) {
        breaks.push({
          seq: previous.seq + 1,
          kind: 'missing',
          message: `${range(previous.seq + 1, event.seq - 1)}事件缺失（被删除）`,
        })
      } else {
        const expectedPrev = previous
          ? previous.hash
          : event.seq === (options.fromSeq ?? 1)
            ? (options.fromPrevHash ?? (event.seq === 1 ? GENESIS : event.prevHash))
            : event.prevHash
        if (event.prevHash !== expectedPrev) {
          breaks.push({
            seq: event.seq,
            id: event.id,
            kind: 'relinked',
            message: previous
              ? `第 ${event.seq} 条事件的前序哈希与第 ${previous.seq} 条不符`
              : `第 ${event.seq} 条事件的前序哈希不是链的起点`,
          })
        }
      }
      previous = event
    },
    result(): VerifyResult {
      const lastSeq = previous ? (previous as Stored).seq : null
      const all = [...breaks]
      if (options.expectedLast != null && (lastSeq ?? 0) < options.expectedLast) {
        all.push({
          seq: (lastSeq ?? 0) + 1,
          kind: 'missing',
          message: `${range((lastSeq ?? 0) + 1, options.expectedLast)}事件缺失（链尾被删除）`,
        })
      }
      return { ok: all.length === 0, checked, firstSeq, lastSeq, breaks: all }
    },
  }
}

export function verifyChain(events: Stored[], options: Options = {}): VerifyResult {
  const v = createVerifier(options)
  for (const e of [...events].sort((a, b) => a.seq - b.seq)) v.push(e)
  return v.result()
}

export function describeResult(r: VerifyResult): string {
  const span = r.firstSeq != null ? `（第 ${r.firstSeq}–${r.lastSeq} 条）` : ''
  if (r.ok) return `审计链完整：共 ${r.checked.toLocaleString('en-US')} 条事件${span}`
  return [
    `审计链断裂：共检查 ${r.checked.toLocaleString('en-US')} 条事件${span}，发现 ${r.breaks.length} 处问题：`,
    ...r.breaks.map((b) => `  - ${b.message}`),
  ].join('\n')
}
