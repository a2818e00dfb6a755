// Decides which workflow moves an article may make, who may make them, and why not.
import { beijingDateTime, beijingYear } from './dates'
import { type Id, idsOf, sameId } from './ids'
import { plainText } from './lexical-text'
import { parseDocNumber } from './numbering'
import { type Actor, hasSiteRole, isPlatformAdmin, type SiteId, type SiteRole } from './permissions'

export const STATES = [
  'draft',
  'submitted',
  'reviewed',
  'returned',
  'signed',
  'scheduled',
  'published',
  'withdrawn',
  'unpublished',
] as const
export type State = (typeof STATES)[number]

export const STATE_LABELS: Record<State, string> = {
  draft: '草稿',
  submitted: '待审核',
  reviewed: '已审核',
  returned: '已退回',
  signed: '已签发',
  scheduled: '定时发布',
  published: '已发布',
  withdrawn: '已撤回',
  unpublished: '已下线',
}

export const isState = (value: unknown): value is State =>
  typeof value === 'string' && (STATES as readonly string[]).includes(value)

/** States whose page answers the public (a withdrawn page stays, with its notice). */
export const LIVE_STATES: readonly State[] = ['published', 'withdrawn']
export const isLive = (state: unknown): boolean => LIVE_STATES.includes(state as State)
/** States listed in columns, feeds and search. */
export const LISTED_STATES: readonly State[] = ['published']
/** States before signing: what signing will need can still be filled in. */
export const UNSIGNED_STATES: readonly State[] = ['draft', 'returned', 'submitted', 'reviewed']
/** States in which the content is fixed: what was signed is what goes online. */
export const SEALED_STATES: readonly State[] = ['signed', 'scheduled']

export type MoveName =
  | 'submit'
  | 'edit'
  | 'review'
  | 'return'
  | 'sign'
  | 'schedule'
  | 'unschedule'
  | 'publish'
  | 'emergency'
  | 'withdraw'
  | 'restore'
  | 'unpublish'
  | 'rework'

type Move = {
  name: MoveName
  from: readonly State[]
  to: State
  label: string
  roles: readonly SiteRole[]
  /** The mover must not be the person who submitted (when the site keeps four eyes). */
  notBySubmitter?: boolean
  /** A reason is recorded with the move. */
  needsReason?: boolean
}

const EDITING: readonly State[] = ['draft', 'returned']

/** The workflow as a table: each row one move. Site admins may make every move on their site. */
export const MOVES: readonly Move[] = [
  { name: 'submit', from: EDITING, to: 'submitted', label: '提交审核', roles: ['editor'] },
  { name: 'edit', from: ['returned'], to: 'draft', label: '转为草稿', roles: ['editor'] },
  {
    name: 'review',
    from: ['submitted'],
    to: 'reviewed',
    label: '审核通过',
    roles: ['reviewer'],
    notBySubmitter: true,
  },
  {
    name: 'return',
    from: ['submitted', 'reviewed', 'signed', 'scheduled'],
    to: 'returned',
    label: '退回修改',
    roles: ['reviewer', 'signer'],
    needsReason: true,
  },
  {
    name: 'sign',
    from: ['reviewed', 'submitted'],
    to: 'signed',
    label: '签发',
    roles: ['signer'],
    notBySubmitter: true,
  },
  { name: 'schedule', from: ['signed'], to: 'scheduled', label: '定时发布', roles: ['signer'] },
  { name: 'unschedule', from: ['scheduled'], to: 'signed', label: '取消定时', roles: ['signer'] },
  {
    name: 'publish',
    from: ['signed', 'scheduled', 'withdrawn'],
    to: 'published',
    label: '发布',
    roles: ['signer'],
  },
  {
    name: 'emergency',
    from: ['draft', 'submitted', 'reviewed', 'returned'],
    to: 'published',
    label: '紧急发布',
    roles: ['signer'],
    needsReason: true,
  },
  {
    name: 'withdraw',
    from: ['published'],
    to: 'withdrawn',
    label: '撤回',
    roles: ['signer'],
    needsReason: true,
  },
  {
    name: 'unpublish',
    from: ['published', 'withdrawn'],
    to: 'unpublished',
    label: '下线',
    roles: [],
    needsReason: true,
  },
  { name: 'rework', from: ['unpublished'], to: 'draft', label: '重新编辑', roles: [] },
]

export const moveByName = (name: MoveName): Move | undefined => MOVES.find((m) => m.name === name)

export type SiteWorkflowSettings = {
  /** The 审核 step; when off, a submitted item goes straight to the signer. */
  reviewStep: boolean
  /** Nobody approves or signs what they themselves submitted. */
  fourEyes: boolean
}

export const WORKFLOW_DEFAULTS: SiteWorkflowSettings = { reviewStep: true, fourEyes: true }

export type ArticleFacts = {
  site: SiteId | { id: SiteId } | null | undefined
  state: State
  submittedBy?: SiteId | null
  scheduledAt?: string | Date | null
}

export type MoveInput = {
  actor: Actor | null | undefined
  article: ArticleFacts
  to: State
  /** Which move when two lead to the same state (publish vs emergency). */
  move?: MoveName
  reason?: string | null
  settings?: Partial<SiteWorkflowSettings>
  now?: Date
}

const mayActAs = (actor: Actor | null | undefined, site: ArticleFacts['site'], move: Move) =>
  isPlatformAdmin(actor) || hasSiteRole(actor, site, 'site-admin', ...move.roles)

/** The move from one state to another, or none. Emergency only when asked for by name. */
export function findMove(from: State, to: State, name?: MoveName): Move | undefined {
  const candidates = MOVES.filter((m) => m.to === to && m.from.includes(from))
  if (name) return candidates.find((m) => m.name === name)
  return candidates.find((m) => m.name !== 'emergency')
}

/** Sentences refusing the move, or none. */
export function moveBlockers(input: MoveInput): string[] {
  const { actor, article, to, reason } = input
  const settings = { ...WORKFLOW_DEFAULTS, ...input.settings }
  const from = article.state
  if (from === to) return []
  if (!isState(to)) return [`“${String(to)}”不是有效的稿件状态`]
  const move = findMove(from, to, input.move)
  if (!move) {
    return [`稿件处于“${STATE_LABELS[from]}”状态，不能改为“${STATE_LABELS[to]}”`]
  }
  const reasons: string[] = []
  if (!actor) return ['请先登录']
  if (!mayActAs(actor, article.site, move)) {
    const who = move.roles.length
      ? [...move.roles.map(roleLabel), '站点管理员'].join('或')
      : '站点管理员'
    reasons.push(`只有本站的${who}可以${move.label}`)
  }
  if (move.name === 'sign' && from === 'submitted' && settings.reviewStep) {
    reasons.push('本站要求先审核后签发，稿件尚未审核')
  }
  if (move.name === 'review' && !settings.reviewStep) {
    reasons.push('本站未启用审核环节，提交后直接签发')
  }
  if (move.notBySubmitter && settings.fourEyes && sameId(article.submittedBy, actor.id)) {
    reasons.push(
      `稿件由您本人提交，须由另一位${move.name === 'sign' ? '签发人' : '审核人'}${move.label}`,
    )
  }
  if (move.needsReason && !reason?.trim()) reasons.push(`${move.label}须填写理由`)
  if (move.name === 'schedule') {
    const at = article.scheduledAt ? new Date(article.scheduledAt) : null
    if (!at || Number.isNaN(at.getTime())) reasons.push('定时发布须填写发布时间')
    else if (input.now && at.getTime() <= input.now.getTime()) {
      reasons.push('定时发布的时间须晚于现在')
    }
  }
  return reasons
}

const ROLE_LABELS: Record<SiteRole, string> = {
  'site-admin': '站点管理员',
  editor: '编辑',
  reviewer: '审核人',
  signer: '签发人',
  handler: '办理人',
}
const roleLabel = (role: SiteRole) => ROLE_LABELS[role]

/** The moves this actor may make now: the buttons the admin shows. */
export function availableMoves(input: Omit<MoveInput, 'to' | 'move' | 'reason'>): Move[] {
  return MOVES.filter((m) => m.from.includes(input.article.state)).filter(
    (m) =>
      moveBlockers({ ...input, to: m.to, move: m.name, reason: m.needsReason ? 'x' : null })
        .length === 0,
  )
}

/** Who acts next after a move: the people to tell and whose "待我处理" list shows the item. */
export function nextActors(state: State, settings?: Partial<SiteWorkflowSettings>): SiteRole[] {
  const s = { ...WORKFLOW_DEFAULTS, ...settings }
  switch (state) {
    case 'submitted':
      return s.reviewStep ? ['reviewer'] : ['signer']
    case 'reviewed':
      return ['signer']
    case 'returned':
      return ['editor']
    case 'signed':
      return ['signer', 'editor']
    default:
      return []
  }
}

/** Whether content may change in this state (signed content is fixed until returned). */
export const contentLocked = (state: State): boolean => SEALED_STATES.includes(state)

/** Whether a move takes the numbers: signing, and an emergency publish (signed at once). */
export const assignsNumbers = (from: State, to: State, name?: MoveName): boolean =>
  (to === 'signed' && from !== 'scheduled') || (to === 'published' && name === 'emergency')

export type SigningFacts = {
  issuingOrgan?: string | null
  dateFormed?: string | null
  disclosureMode?: string | null
  disclosureReason?: string | null
  orgCode?: string | null
}

/** A thing signing needs that the article lacks: the field at fault (if any) and the sentence. */
export type SigningNeed = { path?: string; message: string }

/** The fields signing requires (marked on the form; the same list the refusal uses). */
export const SIGNING_FIELDS = ['issuingOrgan', 'dateFormed', 'disclosureMode'] as const

/** What a document must carry before it is signed (and so numbered), each with its field. */
export function signingNeeds(facts: SigningFacts): SigningNeed[] {
  const needs: SigningNeed[] = []
  if (!facts.issuingOrgan?.trim())
    needs.push({ path: 'issuingOrgan', message: '签发前须填写发文机关' })
  if (!facts.dateFormed) needs.push({ path: 'dateFormed', message: '签发前须填写成文日期' })
  if (!facts.disclosureMode) needs.push({ path: 'disclosureMode', message: '签发前须选择公开方式' })
  else if (facts.disclosureMode !== 'proactive' && !facts.disclosureReason?.trim()) {
    needs.push({
      path: 'disclosureReason',
      message: '公开方式不是“主动公开”时，须填写不主动公开的理由',
    })
  }
  if (!facts.orgCode?.trim())
    needs.push({ message: '本站未设置机构代码，无法生成索引号；请站点管理员先在站点设置中填写' })
  return needs
}

/** The same, as sentences. */
export const signingProblems = (facts: SigningFacts): string[] =>
  signingNeeds(facts).map((n) => n.message)

type Doc = Record<string, unknown>

const CONTENT_FIELDS = ['title', 'summary', 'docNumber', 'issuingOrgan', 'dateFormed'] as const

/** Whether a change touches what readers see: the text fields, the body's text, the columns. */
export const contentChanged = (data: Doc, original: Doc): boolean =>
  CONTENT_FIELDS.some((f) => f in data && String(data[f] ?? '') !== String(original[f] ?? '')) ||
  ('body' in data && plainText(data.body) !== plainText(original.body)) ||
  ('columns' in data &&
    JSON.stringify(idsOf(data.columns).map(String).sort()) !==
      JSON.stringify(idsOf(original.columns).map(String).sort()))

/** One row of an article's history: who made which move, when, and why. */
export type HistoryRow = {
  at: string
  by: Id | undefined
  /** The person's name as it was when they moved the article (shown in the admin's rows). */
  byName?: string
  from: State
  to: State
  move: MoveName
  reason: string | undefined
}

/** The numbers a signing takes; `docNumber` says how the 发文字号 is come by. */
export type NumbersToTake = {
  year: number
  /** An index number, unless the article kept one from an earlier signing. */
  indexNumber: boolean
  /** `record`: typed by hand, recorded as used; `take`: the next of the series; `none`. */
  docNumber: { record: { number: string; year: number; seq: number } } | 'take' | 'none'
}

export type MoveEffects = {
  /** The fields the move sets on the article. */
  fields: Doc
  history: HistoryRow
  numbers: NumbersToTake | null
}

export type EffectsInput = {
  from: State
  to: State
  move: MoveName
  reason: string
  by: Id | undefined
  byName?: string
  now: Date
  /** The article as it will be stored, before the move's own fields. */
  article: {
    publishedAt?: unknown
    indexNumber?: unknown
    docNumber?: unknown
    numberingSeries?: unknown
  }
}

/** What a move changes: its fields, its history row, and the numbers it takes (signing only). */
export function moveEffects({
  from,
  to,
  move,
  reason,
  by,
  byName,
  now,
  article,
}: EffectsInput): MoveEffects {
  const at = now.toISOString()
  const fields: Doc = {}
  if (to === 'submitted') Object.assign(fields, { submittedBy: by, submittedAt: at })
  if (to === 'returned') fields.returnReason = reason
  if (to === 'withdrawn') Object.assign(fields, { withdrawnReason: reason, withdrawnAt: at })
  if (to === 'unpublished') Object.assign(fields, { unpublishedReason: reason, unpublishedAt: at })
  if (to === 'published') {
    // A withdrawn page republished keeps its first publication date.
    if (!article.publishedAt || from !== 'withdrawn') fields.publishedAt = article.publishedAt ?? at
    fields.scheduledAt = null
  }
  if (move === 'emergency') {
    Object.assign(fields, { emergency: true, emergencyReason: reason, emergencyReviewedAt: null })
  }
  const signing = assignsNumbers(from, to, move)
  if (signing) fields.signedAt = at
  return {
    fields,
    history: { at, by, byName, from, to, move, reason: reason || undefined },
    numbers: signing ? numbersToTake(article, now) : null,
  }
}

function numbersToTake(article: EffectsInput['article'], now: Date): NumbersToTake {
  const typed = article.docNumber ? String(article.docNumber) : ''
  const parsed = typed ? parseDocNumber(typed) : null
  return {
    year: beijingYear(now),
    indexNumber: !article.indexNumber,
    docNumber: typed
      ? parsed
        ? { record: { number: typed, year: parsed.year, seq: parsed.seq } }
        : 'none'
      : article.numberingSeries != null
        ? 'take'
        : 'none',
  }
}

/**
 * An article's history row as the admin lists it: "2026-12-02 19:22 张三 签发" (Beijing time; the
 * move's name from the table above; 系统 for the publishing clock's own moves).
 */
export function historyLine(row: {
  at?: string | null
  byName?: string | null
  by?: unknown
  move?: string | null
}): string {
  const move = MOVES.find((m) => m.name === row.move)
  return [
    beijingDateTime(row.at),
    row.byName || (row.by == null ? '系统' : ''),
    move?.label ?? row.move ?? '',
  ]
    .filter(Boolean)
    .join(' ')
}
