// Decides what the checks before publishing find in an article: sensitive words, misspelt
// leaders' names, personal data, links to missing or unpublished pages, images without alt text.
import { maskPhone, maskResidentId, residentIdProblems } from './identity'
import { idOf } from './ids'

export type Severity = 'block' | 'confirm' | 'warn'
export type CheckKind =
  'sensitive-word' | 'leader-name' | 'id-number' | 'mobile' | 'link' | 'image-alt' | 'signing'
export type Place = {
  /** Where: the text fields, or the document's attributes (what signing needs). */
  field: 'title' | 'summary' | 'body' | 'metadata'
  /** 0-based top-level block of the body (0 for title and summary). */
  block: number
  /** Character offset in that block's plain text. */
  offset: number
  label: string
  excerpt: string
}
export type Finding = {
  kind: CheckKind
  severity: Severity
  match: string
  message: string
  place: Place
}
export type CheckLists = { sensitiveWords: string[]; leaderNames: string[] }
export type TextBlock = { field: Place['field']; block: number; label: string; text: string }
export type LinkStatus = 'ok' | 'missing' | 'unpublished' | 'external'

type Node = {
  type?: string
  text?: string
  children?: Node[]
  fields?: {
    url?: string
    linkType?: string
    doc?: { relationTo?: string; value?: unknown }
    alt?: string
  }
  url?: string
  value?: unknown
  relationTo?: string
}

const rootChildren = (body: unknown): Node[] => {
  const root = (body as { root?: Node } | null)?.root
  return Array.isArray(root?.children) ? root.children : []
}

const textOf = (node: Node): string => {
  if (typeof node.text === 'string') return node.text
  const parts = (node.children ?? []).map(textOf)
  return node.type === 'list' ? parts.join('\n') : parts.join('')
}

const blockLabel = (node: Node, i: number): string => {
  if (node.type === 'heading') return `正文第 ${i + 1} 段（标题）`
  if (node.type === 'upload') return `正文第 ${i + 1} 段（图片）`
  return `正文第 ${i + 1} 段`
}

export function textBlocks(input: {
  title?: string | null
  summary?: string | null
  body?: unknown
}): TextBlock[] {
  const blocks: TextBlock[] = []
  if (input.title) blocks.push({ field: 'title', block: 0, label: '标题', text: input.title })
  if (input.summary) blocks.push({ field: 'summary', block: 0, label: '摘要', text: input.summary })
  rootChildren(input.body).forEach((node, i) => {
    blocks.push({ field: 'body', block: i, label: blockLabel(node, i), text: textOf(node) })
  })
  return blocks
}

const excerptAt = (text: string, offset: number, length: number) => {
  const start = Math.max(0, offset - 10)
  const end = Math.min(text.length, offset + length + 10)
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`
}

const placeIn = (b: TextBlock, offset: number, length: number): Place => ({
  field: b.field,
  block: b.block,
  offset,
  label: b.label,
  excerpt: excerptAt(b.text, offset, length),
})

function walk(node: Node, visit: (n: Node) => void) {
  visit(node)
  for (const c of node.children ?? []) walk(c, visit)
}

/** Every node of the body, with the top-level block it stands in. */
function eachNode(body: unknown, visit: (n: Node, block: TextBlock) => void) {
  rootChildren(body).forEach((top, i) => {
    const block: TextBlock = {
      field: 'body',
      block: i,
      label: blockLabel(top, i),
      text: textOf(top),
    }
    walk(top, (n) => visit(n, block))
  })
}

export function bodyLinks(body: unknown) {
  const links: {
    url: string
    internal?: { relationTo: string; id: string | number }
    place: Place
  }[] = []
  eachNode(body, (n, block) => {
    if (n.type !== 'link' && n.type !== 'autolink') return
    const doc = n.fields?.doc
    const id = idOf(doc?.value)
    const internal =
      n.fields?.linkType === 'internal' && doc?.relationTo && id != null
        ? { relationTo: doc.relationTo, id }
        : undefined
    const url = internal ? `${internal.relationTo}:${internal.id}` : (n.fields?.url ?? n.url ?? '')
    const offset = Math.max(0, block.text.indexOf(textOf(n)))
    if (url) links.push({ url, internal, place: placeIn(block, offset, textOf(n).length) })
  })
  return links
}

export function bodyImages(body: unknown) {
  const images: { alt: string; id?: string | number; place: Place }[] = []
  eachNode(body, (n, block) => {
    if (n.type !== 'upload') return
    const v = n.value as { id?: string | number; alt?: string } | string | number | undefined
    const alt = (typeof v === 'object' && v ? v.alt : undefined) ?? n.fields?.alt ?? ''
    images.push({ alt: String(alt), id: idOf(v), place: placeIn(block, 0, 0) })
  })
  return images
}

const indexesOf = (haystack: string, needle: string): number[] => {
  const out: number[] = []
  if (!needle) return out
  let i = haystack.indexOf(needle)
  while (i >= 0) {
    out.push(i)
    i = haystack.indexOf(needle, i + needle.length)
  }
  return out
}

/**
 * A near-miss of a leader's name: same length, one character different (李名华 for 李明华) or two
 * adjacent characters swapped (李华明). Two-character names are too common to guess at, so only
 * names of three characters or more are checked, and the surname must match.
 */
export function nearMiss(candidate: string, name: string): boolean {
  if (candidate.length !== name.length || name.length < 3 || candidate === name) return false
  if (candidate[0] !== name[0]) return false
  if (!/^[\u4e00-\u9fff·]+$/.test(candidate)) return false
  const diffs = [...candidate].map((c, i) => (c === name[i] ? -1 : i)).filter((i) => i >= 0)
  if (diffs.length === 1) return true
  return (
    diffs.length === 2 &&
    diffs[1] === diffs[0] + 1 &&
    candidate[diffs[0]] === name[diffs[1]] &&
    candidate[diffs[1]] === name[diffs[0]]
  )
}

const ID_RE = /(?<![0-9])\d{17}[\dXx](?![0-9A-Za-z])/g
const MOBILE_RE = /(?<![0-9])1[3-9]\d{9}(?![0-9])/g

export function runChecks(
  input: { title?: string | null; summary?: string | null; body?: unknown },
  options: { lists: CheckLists; linkStatus?: Record<string, LinkStatus> },
): Finding[] {
  const findings: Finding[] = []
  const blocks = textBlocks(input)
  const names = options.lists.leaderNames.filter(Boolean)
  for (const b of blocks) {
    const lower = b.text.toLowerCase()
    for (const word of options.lists.sensitiveWords) {
      for (const at of indexesOf(lower, word.toLowerCase())) {
        const place = placeIn(b, at, word.length)
        findings.push({
          kind: 'sensitive-word',
          severity: 'block',
          match: b.text.slice(at, at + word.length),
          message: `${b.label}含有敏感词“${b.text.slice(at, at + word.length)}”：${place.excerpt}`,
          place,
        })
      }
    }
    for (const name of names) {
      for (let at = 0; at + name.length <= b.text.length; at++) {
        const candidate = b.text.slice(at, at + name.length)
        if (!nearMiss(candidate, name)) continue
        // A correct name of another leader is not a misspelling of this one.
        if (names.includes(candidate)) continue
        findings.push({
          kind: 'leader-name',
          severity: 'warn',
          match: candidate,
          message: `${b.label}中的“${candidate}”疑似领导姓名“${name}”之误`,
          place: placeIn(b, at, name.length),
        })
      }
    }
    for (const m of b.text.matchAll(ID_RE)) {
      if (residentIdProblems(m[0]).length) continue
      const masked = maskResidentId(m[0].toUpperCase())
      findings.push({
        kind: 'id-number',
        severity: 'confirm',
        match: masked,
        message: `${b.label}含有身份证号码 ${masked}，发布前须确认或删除`,
        place: { ...placeIn(b, m.index, m[0].length), excerpt: masked },
      })
    }
    for (const m of b.text.matchAll(MOBILE_RE)) {
      const masked = maskPhone(m[0])
      findings.push({
        kind: 'mobile',
        severity: 'confirm',
        match: masked,
        message: `${b.label}含有手机号码 ${masked}，发布前须确认或删除`,
        place: { ...placeIn(b, m.index, m[0].length), excerpt: masked },
      })
    }
  }
  for (const link of bodyLinks(input.body)) {
    const status = options.linkStatus?.[link.url]
    if (status === 'missing' || status === 'unpublished') {
      findings.push({
        kind: 'link',
        severity: 'block',
        match: link.url,
        message: `${link.place.label}的链接 ${link.url} 指向${status === 'missing' ? '的页面不存在' : '尚未发布的页面'}`,
        place: link.place,
      })
    }
  }
  for (const img of bodyImages(input.body)) {
    if (img.alt.trim()) continue
    findings.push({
      kind: 'image-alt',
      severity: 'warn',
      match: String(img.id ?? ''),
      message: `${img.place.label}的图片缺少替代文本（alt）`,
      place: img.place,
    })
  }
  const order = { metadata: -1, title: 0, summary: 1, body: 2 }
  return findings.sort(
    (a, b) =>
      order[a.place.field] - order[b.place.field] ||
      a.place.block - b.place.block ||
      a.place.offset - b.place.offset,
  )
}

export const blocksPublishing = (findings: Finding[], confirmed: boolean): boolean =>
  findings.some((f) => f.severity === 'block' || (f.severity === 'confirm' && !confirmed))

export function parseWordList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\n\r,，、;；\s]+/)
        .map((w) => w.trim())
        .filter(Boolean),
    ),
  ]
}

/** What signing still needs, as blocking findings listed with the content checks. */
export function signingFindings(needs: readonly { path?: string; message: string }[]): Finding[] {
  return needs.map((n) => ({
    kind: 'signing',
    severity: 'block',
    match: n.path ?? '',
    message: n.message,
    place: { field: 'metadata', block: 0, offset: 0, label: '签发要求', excerpt: '' },
  }))
}
