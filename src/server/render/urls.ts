// Public URLs of files and pages. Files are served by Express from the upload folders.

export const FILE_ROUTES = { media: '/files/images', attachments: '/files/docs' } as const

export const fileUrl = (collection: keyof typeof FILE_ROUTES, filename: string): string =>
  `${FILE_ROUTES[collection]}/${encodeURIComponent(filename)}`

export const columnHref = (path: string): string => `/${path}/`

export const articleHref = (columnPath: string | undefined, id: string | number): string =>
  columnPath ? `/${columnPath}/${id}.html` : `/a/${id}`

/** Page N of a column list: `index_N.html`, as Chinese government sites customarily number them. */
export const withPage = (href: string, page: number): string =>
  page <= 1 ? href : `${href}index_${page}.html`
