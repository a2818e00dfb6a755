// 政府信息公开指南 (/xxgk/zn): the site's disclosure office, how to apply, the statutory time
// limits and fees (RULES §2).
import { FREE_APPLICATIONS_PER_MONTH, FREE_PAGES } from '../../domain/disclosure'
import {
  CORRECTION_NOTICE_DAYS,
  MAX_EXTENSION_DAYS,
  REPLY_DAYS,
  THIRD_PARTY_DAYS,
} from '../../domain/workdays'
import { tags } from '../../services/page-cache'
import { render } from '../render/engine'
import type { Layout } from '../render/view-models'
import type { PageContext } from './context'
import { layout } from './frame'
import { HTML, type Output } from './routes'

/** The disclosure section's addresses and name, shared with the catalogue (xxgk.ts). */
export const CATALOGUE = '/xxgk/'
export const GUIDE = '/xxgk/zn'
export const TITLE = '政府信息公开'
const GUIDE_TITLE = '政府信息公开指南'

export type GuideItem = { label: string; value: string; href?: string; missing: boolean }

export type GuideView = {
  layout: Layout
  office: string
  items: GuideItem[]
  /** The postal address written on a letter: address and postcode, or '' when unknown. */
  mailTo: string
  hours: string
  links: { catalogue: string; apply: string; track: string; annualReports: string }
  limits: { reply: number; extension: number; correction: number; thirdParty: number }
  fees: { freeApplications: number; freePages: number }
  notes: string[]
}

/** Paragraphs of the site's own guide text: blank lines separate them. */
const paragraphs = (text: string): string[] =>
  text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean)

export async function guidePage(ctx: PageContext): Promise<Output> {
  const sites = await ctx.registry.sites()
  const site = ctx.site
  const settings = site.disclosure
  // The guide falls back on the site's general contact facts where the disclosure office has
  // none of its own (most offices sit at the organisation's address).
  const office = settings.office || site.orgName || site.name
  const address = settings.address || site.address
  const postcode = settings.postcode || site.postcode
  const hours = settings.hours || site.officeHours
  const phone = settings.phone || site.phone
  // Every item is listed, as 未提供 when the site has not filled it in: a reader sees at once
  // that there is no fax, rather than wondering whether the page left it out (RULES §2: the
  // guide gives name, address, hours, phone and online contact).
  const item = (label: string, value: string, href?: string): GuideItem => ({
    label,
    value: value || '未提供',
    href: value ? href : undefined,
    missing: !value,
  })
  const items: GuideItem[] = [
    item('受理机构', office),
    item('办公地址', address),
    item('邮政编码', postcode),
    item('办公时间', hours),
    item('咨询电话', phone, `tel:${phone.replace(/[^\d+]/g, '')}`),
    item('传真', settings.fax),
    item('电子邮箱', settings.email, `mailto:${settings.email}`),
    // The only internal link of the list: it keeps care mode itself (tel:/mailto: must not).
    {
      label: '网上申请',
      value: '在线申请表',
      href: `/ysqgk/${ctx.care ? '?care=1' : ''}`,
      missing: false,
    },
  ]
  const frame = layout(ctx, {
    title: GUIDE_TITLE,
    columnName: GUIDE_TITLE,
    description: `${site.name}政府信息公开指南`,
    breadcrumbs: [
      { name: '首页', href: '/' },
      { name: TITLE, href: CATALOGUE },
      { name: GUIDE_TITLE, href: GUIDE, current: true },
    ],
    related: sites,
  })
  const view: GuideView = {
    layout: frame,
    office,
    items,
    mailTo: address ? `${address}${postcode ? `（邮编 ${postcode}）` : ''}` : '',
    hours,
    links: {
      catalogue: CATALOGUE,
      apply: '/ysqgk/',
      track: '/ysqgk/track',
      annualReports: '/xxgk/nb/',
    },
    limits: {
      reply: REPLY_DAYS,
      extension: MAX_EXTENSION_DAYS,
      correction: CORRECTION_NOTICE_DAYS,
      thirdParty: THIRD_PARTY_DAYS,
    },
    fees: { freeApplications: FREE_APPLICATIONS_PER_MONTH, freePages: FREE_PAGES },
    notes: paragraphs(settings.guideNotes),
  }
  return {
    status: 200,
    body: await render(site.theme, 'xxgk-guide', view),
    contentType: HTML,
    tags: [tags.site(site.id)],
  }
}
