// Decides which list page a request names and which page links to show.

/** Page number from a path segment like `index_3.html`; null when it names no valid page. */
export function parsePageSegment(segment: string): number | null {
  const m = /^index(?:_([1-9]\d{0,5}))?\.html$/.exec(segment)
  if (!m) return null
  return m[1] ? Number(m[1]) : 1
}

/** Up to `width` page numbers around the current page, always including first and last. */
export function pageWindow({
  page,
  pages,
  width = 7,
}: {
  page: number
  pages: number
  width?: number
}): number[] {
  if (pages <= width) return Array.from({ length: pages }, (_, i) => i + 1)
  const half = Math.floor((width - 2) / 2)
  let start = Math.max(2, page - half)
  const end = Math.min(pages - 1, start + width - 3)
  start = Math.max(2, end - (width - 3))
  return [1, ...Array.from({ length: end - start + 1 }, (_, i) => start + i), pages]
}

export const pageCount = (total: number, perPage: number): number =>
  Math.max(1, Math.ceil(total / perPage))
