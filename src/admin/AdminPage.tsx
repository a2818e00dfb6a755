// The admin's own frame (navigation, header) around a custom root view.
import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'
import type { ReactNode } from 'react'

export function AdminPage({ view, children }: { view: AdminViewServerProps; children: ReactNode }) {
  const { initPageResult, params, searchParams } = view
  const { req, locale, permissions, visibleEntities } = initPageResult
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <Gutter>{children}</Gutter>
    </DefaultTemplate>
  )
}

/** A page about one site in a platform view: the way back to every site, and its heading. */
export function SitePage({
  view,
  back,
  title,
  className,
  children,
}: {
  view: AdminViewServerProps
  /** The view's list of every site. */
  back: string
  title: ReactNode
  className?: string
  children: ReactNode
}) {
  return (
    <AdminPage view={view}>
      <div className={className ? `platform-view ${className}` : 'platform-view'}>
        <p>
          <a href={back}>← 全部站点</a>
        </p>
        <h1>{title}</h1>
        {children}
      </div>
    </AdminPage>
  )
}
