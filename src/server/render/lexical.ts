// Lexical rich text to HTML on the server, then sanitised: nothing an editor pastes can run script.
import {
  convertLexicalToHTML,
  defaultHTMLConverters,
  type HTMLConvertersFunction,
  LinkHTMLConverter,
} from '@payloadcms/richtext-lexical/html'
import sanitizeHtml from 'sanitize-html'

import { fileUrl } from './urls'

type UploadValue = {
  filename?: string
  alt?: string
  width?: number
  height?: number
  mimeType?: string
  title?: string
}

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  )

const converters: HTMLConvertersFunction = ({ defaultConverters }) => ({
  ...defaultConverters,
  ...LinkHTMLConverter({
    internalDocToHref: ({ linkNode }) => {
      const doc = linkNode.fields.doc
      const id =
        doc && typeof doc.value === 'object'
          ? // Populated: the related record (the link field's type does not say which).
            (doc.value as unknown as { id: string | number }).id
          : doc?.value
      return doc?.relationTo === 'articles' && id != null ? `/a/${id}` : '#'
    },
  }),
  upload: ({ node }) => {
    // The converter's node type is the generic serialized node; an upload node has these two.
    const value = (node as unknown as { value?: UploadValue; relationTo?: string }).value
    const relationTo = (node as unknown as { relationTo?: string }).relationTo
    if (!value || typeof value !== 'object' || !value.filename) return ''
    if (relationTo === 'media') {
      const size =
        value.width && value.height ? ` width="${value.width}" height="${value.height}"` : ''
      return `<img src="${esc(fileUrl('media', value.filename))}" alt="${esc(value.alt ?? '')}"${size} loading="lazy">`
    }
    return `<a href="${esc(fileUrl('attachments', value.filename))}">${esc(value.title ?? value.filename)}</a>`
  },
})

const policy: sanitizeHtml.IOptions = {
  allowedTags: [
    ...sanitizeHtml.defaults.allowedTags.filter((t) => t !== 'style'),
    'img',
    'figure',
    'figcaption',
    'u',
    's',
    'sub',
    'sup',
    'mark',
    'del',
    'ins',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'target'],
    img: ['src', 'alt', 'width', 'height', 'loading', 'srcset', 'sizes'],
    ol: ['start', 'type'],
    li: ['value'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan', 'scope'],
    '*': ['lang', 'dir'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  transformTags: {
    a: (tagName, attribs) =>
      attribs.target === '_blank'
        ? { tagName, attribs: { ...attribs, rel: 'noopener noreferrer' } }
        : { tagName, attribs },
  },
}

export const sanitise = (html: string): string => sanitizeHtml(html, policy)

export function richTextToHtml(data: unknown): string {
  if (!data || typeof data !== 'object' || !('root' in data)) return ''
  const html = convertLexicalToHTML({
    data: data as Parameters<typeof convertLexicalToHTML>[0]['data'],
    converters,
    disableContainer: true,
    disableIndent: true,
    disableTextAlign: true,
  })
  return sanitise(html)
}

export { defaultHTMLConverters }
