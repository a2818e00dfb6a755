// The pieces the custom report views (督办, 第一时间) share, built from Payload's own UI so they
// look like the rest of the admin: a header with actions, tables that scroll in their own box,
// figures, and working days left as a pill.
import { Button, Pill } from '@payloadcms/ui'
import type { ReactNode } from 'react'

import './report-views.scss'

export function ReportHeader({
  title,
  actions,
  children,
}: {
  title: string
  actions?: ReactNode
  children?: ReactNode
}) {
  return (
    <header className="report-view__header">
      <div className="report-view__heading">
        <h1>{title}</h1>
        {actions && <div className="report-view__actions">{actions}</div>}
      </div>
      {children && <div className="report-view__lead">{children}</div>}
    </header>
  )
}

/** A download or other link as the admin's own small secondary button. */
export const LinkButton = ({ href, children }: { href: string; children: ReactNode }) => (
  <Button el="anchor" url={href} buttonStyle="secondary" size="small" margin={false}>
    {children}
  </Button>
)

/**
 * A table in Payload's list style. Wide tables scroll sideways inside their own box (a focusable,
 * labelled region, so keyboard users can scroll it too); the page itself never does.
 */
export function DataTable({
  label,
  head,
  rows,
  empty,
}: {
  label: string
  head: string[]
  rows: { key: string; cells: ReactNode[] }[]
  empty?: string
}) {
  if (!rows.length && empty) return <p className="report-view__empty">{empty}</p>
  return (
    <div className="table report-table" role="region" aria-label={label} tabIndex={0}>
      <table cellPadding={0} cellSpacing={0}>
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              {r.cells.map((c, i) => (
                <td key={i} data-label={head[i]}>
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** Headline figures as a row of cards (they wrap on a tablet). */
export const Figures = ({ items }: { items: { label: string; value: ReactNode }[] }) => (
  <dl className="report-view__figures">
    {items.map((i) => (
      <div key={i.label} className="report-view__figure">
        <dt>{i.label}</dt>
        <dd>{i.value}</dd>
      </div>
    ))}
  </dl>
)

/** Working days left, or how late: red when late, amber within three days. */
export function DaysLeft({ days, note = '' }: { days: number | null; note?: string }) {
  if (days == null) return <span>—</span>
  const text = days < 0 ? `逾期 ${-days} 个工作日` : `${days} 个工作日`
  return (
    <Pill size="small" pillStyle={days < 0 ? 'error' : days <= 3 ? 'warning' : 'light-gray'}>
      {text}
      {note}
    </Pill>
  )
}

export const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <section className="report-view__section">
    <h2>{title}</h2>
    {children}
  </section>
)
