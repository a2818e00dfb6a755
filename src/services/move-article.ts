// The publishing use case: can this change of an article be made → make it, numbers included,
// inside the request's transaction → tell the next people to act. The article hook is its one caller.
import type { Refusal } from '../domain/refusal'
import { NotFound, type Payload, type PayloadRequest } from 'payload'

import { type Id, idOf, sameId } from '../domain/ids'
import { docNumberProblems } from '../domain/numbering'
import { type Actor, hasSiteRole, isPlatformAdmin } from '../domain/permissions'
import { docNumberChangeBlockers, ownedNames, SERVER_OWNED } from '../domain/server-owned'
import { ARTICLES, NUMBER_ASSIGNMENTS, NUMBERING_SERIES, SITES } from '../domain/slugs'
import {
  assignsNumbers,
  contentChanged,
  contentLocked,
  findMove,
  isLive,
  isState,
  type MoveName,
  moveBlockers,
  moveEffects,
  nextActors,
  type NumbersToTake,
  signingNeeds,
  type State,
  STATE_LABELS,
  WORKFLOW_DEFAULTS,
} from '../domain/workflow'
import { actorOf, recordAudit } from './audit'
import { notify, peopleWithRoles } from './notify'
import { recordManualDocNumber, takeDocNumber, takeIndexNumber } from './numbering'
import { prepublishRefusal } from './prepublish-check'
import { findOneSelected, type Selected } from './records'

type Doc = Record<string, unknown>

/** Why a change is refused: sentences, the HTTP status, and the field at fault if there is one. */
export type { Refusal }

/** The move made, kept for the notifications after the change is stored. */
export type MoveRecord = { move: MoveName | 'restore'; from: State; to: State; reason?: string }

export type ArticleChange = {
  /** The incoming fields; the accepted change is written into it. */
  data: Doc
  original: Doc
  operation: 'create' | 'update'
  actor: Actor | null
  /** Whether a person (not server code) asks: scripts and imports are trusted with content. */
  byPerson: boolean
  /** The platform's clock (scheduled publishing, timed unpublishing). */
  systemMove: boolean
  restoring: boolean
  move?: MoveName
  reason: string
  now: Date
}

export type Outcome = { refusal: Refusal } | { record?: MoveRecord }

type SiteFacts = Selected<typeof SITES, 'orgCode' | 'orgName' | 'publishing' | 'name'>

const refused = (reasons: string[], more: Omit<Refusal, 'reasons'> = {}) =>
  reasons.length ? { reasons, ...more } : undefined

/**
 * The workflow on the server: the move must be in the table and allowed for this person; signing
 * needs its metadata and clean checks, and takes the numbers last, inside the transaction.
 */
export async function changeArticle(req: PayloadRequest, change: ArticleChange): Promise<Outcome> {
  const { data, original, operation } = change
  const from: State = isState(original.state) ? original.state : 'draft'
  if (change.restoring) return restoreVersion(change, from)

  const siteId = idOf(data.site ?? original.site)
  if (siteId == null) return {}
  const site = await loadSite(req, siteId)
  const to: State = operation === 'create' ? 'draft' : isState(data.state) ? data.state : from
  if (operation === 'create' && data.state && data.state !== 'draft') {
    const verb = STATE_LABELS[data.state as State] === '待审核' ? '提交' : '办理'
    return { refusal: { reasons: [`新建的稿件只能是草稿，请保存后再${verb}`] } }
  }
  data.state = to
  const merged: Doc = { ...original, ...data }

  const refusal =
    contentRefusal(change, siteId, from, to) ??
    (await docNumberRefusal(req, change, merged, from)) ??
    (data.numberingSeries != null && !sameId(data.numberingSeries, original.numberingSeries)
      ? await seriesRefusal(req, idOf(data.numberingSeries)!, siteId)
      : undefined)
  if (refusal) return { refusal }
  if (from === to) return {}

  const moveRefused = await moveRefusal(req, change, { site, from, to, merged })
  if (moveRefused) return { refusal: moveRefused }
  const move = findMove(from, to, change.move)!
  const effects = moveEffects({
    from,
    to,
    move: move.name,
    reason: change.reason,
    by: change.actor?.id,
    byName: (change.actor as { name?: string } | null)?.name,
    now: change.now,
    article: {
      publishedAt: original.publishedAt,
      indexNumber: original.indexNumber,
      docNumber: merged.docNumber,
      numberingSeries: idOf(merged.numberingSeries),
    },
  })
  Object.assign(data, effects.fields)
  data.history = [
    ...((original.history as Doc[] | undefined) ?? []).map(({ id: _id, ...row }) => row),
    effects.history,
  ]
  // Numbers last: nothing after this refuses, so a taken number is a used number.
  if (effects.numbers) await takeNumbers(req, { data, merged, site, numbers: effects.numbers })
  return { record: { move: move.name, from, to, reason: change.reason } }
}

/** Restoring an old version makes a draft; it never publishes (and never unpublishes). */
function restoreVersion({ data, original }: ArticleChange, from: State): Outcome {
  if (isLive(from)) {
    return {
      refusal: { reasons: ['已发布的信息不能直接恢复历史版本；请先下线，或由签发人修改后发布'] },
    }
  }
  // An old version's numbers, dates and history are not today's: the server's fields stay,
  // and so does the site (Payload leaves fields a person may not update empty on a restore).
  for (const f of ['site', 'docNumber', ...ownedNames(SERVER_OWNED.articles)]) data[f] = original[f]
  data.state = 'draft'
  return { record: { move: 'restore', from, to: 'draft' } }
}

/** Content rules that hold with or without a move. */
function contentRefusal(change: ArticleChange, siteId: Id, from: State, to: State) {
  const { data, original, actor } = change
  if (!change.byPerson || from !== to || change.operation !== 'update') return undefined
  if (!contentChanged(data, original)) return undefined
  if (contentLocked(from)) return refused(['已签发的稿件不能修改内容；如需修改，请先退回'])
  if (
    isLive(from) &&
    !isPlatformAdmin(actor) &&
    !hasSiteRole(actor, siteId, 'site-admin', 'signer')
  ) {
    return refused(['已发布的信息只能由本站签发人或站点管理员修改'])
  }
  return undefined
}

/** A 发文字号 changed by hand: not once signed (unless voided), the GB/T 9704 shape, no collision. */
async function docNumberRefusal(
  req: PayloadRequest,
  change: ArticleChange,
  merged: Doc,
  from: State,
) {
  const { data, original } = change
  if (!('docNumber' in data) || String(data.docNumber ?? '') === String(original.docNumber ?? '')) {
    return undefined
  }
  const signed =
    Boolean(original.signedAt || original.indexNumber) || isLive(from) || contentLocked(from)
  const blockers = docNumberChangeBlockers({
    before: original.docNumber as string,
    after: data.docNumber as string,
    signed,
    voided: signed && (await docNumberVoided(req, original)),
  })
  if (blockers.length) return refused(blockers, { path: 'docNumber' })
  if (!data.docNumber) return undefined
  const number = String(merged.docNumber ?? '').trim()
  if (!number) return undefined
  const seriesId = idOf(merged.numberingSeries)
  const series = seriesId != null ? await loadSeries(req, seriesId) : null
  const problems = docNumberProblems(number, series)
  if (problems.length) return refused(problems, { path: 'docNumber' })
  const clash = await req.payload.find({
    collection: ARTICLES,
    where: {
      and: [
        { docNumber: { equals: number } },
        ...(original.id != null ? [{ id: { not_equals: original.id } }] : []),
      ],
    },
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: true,
    select: { title: true },
    req,
  })
  const title = (clash.docs[0] as { title?: string } | undefined)?.title
  return clash.docs[0]
    ? refused([`发文字号“${number}”已被《${title}》使用，不能重复`], { path: 'docNumber' })
    : undefined
}

/** The numbering series must belong to the article's site (and, for signing, be in use). */
async function seriesRefusal(req: PayloadRequest, seriesId: Id, siteId: Id, signing = false) {
  const series = await loadSeries(req, seriesId)
  if (!series || !sameId(series.site, siteId)) {
    return refused(['所选文号序列不属于本站，请重新选择'], { path: 'numberingSeries' })
  }
  if (signing && series.active === false) {
    return refused([`文号序列“${series.name}”已停用`], { path: 'numberingSeries' })
  }
  return undefined
}

type MoveFacts = { site: SiteFacts; from: State; to: State; merged: Doc }

/** The move itself: the table and the person; signing's metadata and series; the checks. */
async function moveRefusal(req: PayloadRequest, change: ArticleChange, facts: MoveFacts) {
  const { site, from, to, merged } = facts
  // The platform's clock moves as the site admin would.
  const mover: Actor | null = change.systemMove
    ? { id: 'system', sites: [{ site: site.id, roles: ['site-admin'] }] }
    : change.actor
  const blockers = moveBlockers({
    actor: mover,
    article: {
      site: site.id,
      state: from,
      submittedBy: idOf(change.original.submittedBy) ?? null,
      scheduledAt: (merged.scheduledAt as string) ?? null,
    },
    to,
    move: change.move,
    reason: change.reason,
    settings: {
      reviewStep: site.publishing?.reviewStep ?? WORKFLOW_DEFAULTS.reviewStep,
      fourEyes: site.publishing?.fourEyes ?? WORKFLOW_DEFAULTS.fourEyes,
    },
    now: change.now,
  })
  if (blockers.length) return refused(blockers, { status: 403 })
  const move = findMove(from, to, change.move)!
  // Signing and any publish of unsigned or changed content: metadata, then the checks.
  const signing = assignsNumbers(from, to, move.name)
  if (signing) {
    const needs = signingNeeds({
      issuingOrgan: merged.issuingOrgan as string,
      dateFormed: merged.dateFormed as string,
      disclosureMode: merged.disclosureMode as string,
      disclosureReason: merged.disclosureReason as string,
      orgCode: site.orgCode,
    })
    // Each field at fault is marked on the form, and stays marked until it is filled in.
    if (needs.length)
      return refused(
        needs.map((n) => n.message),
        {
          fields: needs.flatMap((n) => (n.path ? [{ path: n.path, message: n.message }] : [])),
        },
      )
    const seriesId = idOf(merged.numberingSeries)
    const series = seriesId != null ? await seriesRefusal(req, seriesId, site.id, true) : undefined
    if (series) return series
  }
  const republishing =
    to === 'published' && from === 'withdrawn' && contentChanged(change.data, change.original)
  if (signing || republishing) return refused(await prepublishRefusal(req, merged))
  return undefined
}

type Numbering = { data: Doc; merged: Doc; site: SiteFacts; numbers: NumbersToTake }

async function takeNumbers(req: PayloadRequest, { data, merged, site, numbers }: Numbering) {
  const article = idOf(merged.id)!
  const { year } = numbers
  if (numbers.indexNumber) {
    const taken = await takeIndexNumber(req, {
      orgCode: site.orgCode!,
      year,
      site: site.id,
      article,
    })
    data.indexNumber = taken.number
  }
  const seriesId = idOf(merged.numberingSeries)
  if (numbers.docNumber === 'take') {
    const series = (await loadSeries(req, seriesId!))!
    const taken = await takeDocNumber(req, {
      series: seriesId!,
      prefix: series.prefix,
      year,
      site: site.id,
      article,
    })
    data.docNumber = taken.number
  } else if (numbers.docNumber !== 'none') {
    await recordManualDocNumber(req, {
      ...numbers.docNumber.record,
      series: seriesId,
      site: site.id,
      article,
    })
  }
}

const loadSite = async (req: PayloadRequest, id: Id): Promise<SiteFacts> => {
  const site = await findOneSelected(req.payload, {
    collection: SITES,
    where: { id: { equals: id } },
    select: ['orgCode', 'orgName', 'publishing', 'name'],
    req,
  })
  if (!site) throw new NotFound(req.t)
  return site
}

const loadSeries = (req: PayloadRequest, id: Id) =>
  findOneSelected(req.payload, {
    collection: NUMBERING_SERIES,
    where: { id: { equals: id } },
    select: ['site', 'prefix', 'name', 'active'],
    req,
  })

/** Whether the site admin voided the article's current 发文字号 (number-assignments). */
async function docNumberVoided(req: PayloadRequest, original: Doc): Promise<boolean> {
  if (!original.docNumber || original.id == null) return false
  const found = await req.payload.find({
    collection: NUMBER_ASSIGNMENTS,
    where: {
      and: [
        { number: { equals: original.docNumber } },
        { article: { equals: original.id } },
        { status: { equals: 'voided' } },
      ],
    },
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: true,
    select: { id: true },
    req,
  })
  return found.docs.length > 0
}

const MOVE_SUBJECTS: Partial<Record<State, string>> = {
  submitted: '有稿件待审核',
  reviewed: '有稿件待签发',
  returned: '稿件被退回',
  signed: '有已签发稿件待发布（须在 60 分钟内上线）',
}

/** After a move is stored: the audit event, and mail to the next people to act. */
export function notifyMove(req: PayloadRequest, doc: Doc, record: MoveRecord): void {
  const site = idOf(doc.site)
  void recordAudit(req.payload, {
    ...actorOf(req),
    site,
    action: `article.${record.move}`,
    target: `${ARTICLES}:${doc.id}`,
    detail: {
      from: record.from,
      to: record.to,
      reason: record.reason || undefined,
      indexNumber: doc.indexNumber || undefined,
      docNumber: doc.docNumber || undefined,
    },
  })
  const roles = nextActors(record.to)
  if (record.move === 'emergency') roles.push('site-admin')
  if (site == null || (!roles.length && record.to !== 'returned')) return
  const subject =
    record.move === 'emergency'
      ? `紧急发布待复核：${doc.title}`
      : `${MOVE_SUBJECTS[record.to] ?? `稿件${STATE_LABELS[record.to]}`}：${doc.title}`
  const text = [
    `《${doc.title}》已由 ${(req.user as { name?: string } | null)?.name ?? '系统'} ${STATE_LABELS[record.to]}。`,
    record.reason ? `理由：${record.reason}` : '',
    `请登录管理后台办理：/admin/collections/${ARTICLES}/${doc.id}`,
  ]
    .filter(Boolean)
    .join('\n')
  // Mail is sent after the request, outside its transaction.
  const payload = req.payload
  const except = req.user?.id
  setImmediate(() => {
    void (async () => {
      const to =
        record.to === 'returned' && doc.submittedBy
          ? await submitter(payload, idOf(doc.submittedBy)!)
          : await peopleWithRoles(payload, site, roles)
      await notify(payload, {
        to,
        subject,
        text,
        kind: `workflow.${record.move}`,
        site,
        target: `${ARTICLES}:${doc.id}`,
        except,
      })
    })()
  })
}

const submitter = (payload: Payload, id: Id) =>
  payload
    .findByID({ collection: 'users', id, depth: 0, overrideAccess: true, disableErrors: true })
    .then((u) => (u ? [{ id: u.id, email: u.email }] : []))
