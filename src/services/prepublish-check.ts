// The pre-publication checks of an article's content: the word lists, and whether each link
// leads to a live page of this platform.
import type { PayloadRequest } from 'payload'

import {
  bodyLinks,
  blocksPublishing,
  type Finding,
  parseWordList,
  runChecks,
  signingFindings,
} from '../domain/prepublish'
import { ARTICLES, PUBLISHING_CHECKS, SITES } from '../domain/slugs'
import { idOf } from '../domain/ids'
import { isLive, isState, signingNeeds, UNSIGNED_STATES } from '../domain/workflow'
import { findOneSelected } from './records'

type LinkStatus = 'ok' | 'missing' | 'unpublished' | 'external'

// An article page of this platform: /<column path>/<id>.html, on a site host or relative.
const ARTICLE_PAGE =
  /^(?:https?:\/\/[^/]*\.localhost(?::\d+)?|)\/(?:[\w-]+\/)*([0-9a-f]{24}|\d+)\.html$/i

/** Whether each link in a body leads to a live page of this platform. */
async function linkStatuses(req: PayloadRequest, body: unknown) {
  const status: Record<string, LinkStatus> = {}
  for (const link of bodyLinks(body)) {
    const id =
      link.internal?.relationTo === ARTICLES ? link.internal.id : ARTICLE_PAGE.exec(link.url)?.[1]
    if (id == null) {
      status[link.url] = link.internal ? 'ok' : 'external'
      continue
    }
    const found = await req.payload.find({
      collection: ARTICLES,
      where: { id: { equals: id } },
      depth: 0,
      limit: 1,
      pagination: false,
      overrideAccess: true,
      select: { state: true },
      req,
    })
    const doc = found.docs[0] as { state?: string } | undefined
    status[link.url] = !doc ? 'missing' : isLive(doc.state) ? 'ok' : 'unpublished'
  }
  return status
}

/** The pre-publication findings for an article's current content. */
export async function checkArticle(
  req: PayloadRequest,
  article: Record<string, unknown>,
): Promise<Finding[]> {
  const lists = (await req.payload.findGlobal({
    slug: PUBLISHING_CHECKS,
    overrideAccess: true,
    depth: 0,
    req,
  })) as { sensitiveWords?: string; leaderNames?: string }
  return runChecks(
    { title: article.title as string, summary: article.summary as string, body: article.body },
    {
      lists: {
        sensitiveWords: parseWordList(lists.sensitiveWords ?? ''),
        leaderNames: parseWordList(lists.leaderNames ?? ''),
      },
      linkStatus: await linkStatuses(req, article.body),
    },
  )
}

/** The sentences that stop a publication, or none: blocking findings, and unconfirmed ones. */
export async function prepublishRefusal(
  req: PayloadRequest,
  article: Record<string, unknown>,
): Promise<string[]> {
  const findings = await checkArticle(req, article)
  const confirmed = Boolean(article.checksConfirmed)
  if (!blocksPublishing(findings, confirmed)) return []
  const shown = findings.filter(
    (f) => f.severity === 'block' || (f.severity === 'confirm' && !confirmed),
  )
  return ['发布前检查未通过', ...shown.map((f) => f.message)]
}

/**
 * The checks as the workflow panel shows them: the content findings and, before signing, what
 * signing will need (the same rules the sign move refuses by), so nobody learns it at the signer.
 */
export async function panelFindings(
  req: PayloadRequest,
  article: Record<string, unknown>,
): Promise<Finding[]> {
  const findings = await checkArticle(req, article)
  const state = isState(article.state) ? article.state : 'draft'
  if (!UNSIGNED_STATES.includes(state)) return findings
  const site = idOf(article.site)
  const orgCode =
    site == null
      ? null
      : (
          await findOneSelected(req.payload, {
            collection: SITES,
            where: { id: { equals: site } },
            select: ['orgCode'],
            req,
          })
        )?.orgCode
  const needs = signingNeeds({
    issuingOrgan: article.issuingOrgan as string,
    dateFormed: article.dateFormed as string,
    disclosureMode: article.disclosureMode as string,
    disclosureReason: article.disclosureReason as string,
    orgCode,
  })
  return [...signingFindings(needs), ...findings]
}
