// Reads a Lexical body as the text readers see, so editor-side JSON noise is no change.

/** Plain text of a Lexical body (or any node of it); a link's address counts as its text. */
export function plainText(node: unknown): string {
  if (!node || typeof node !== 'object') return ''
  const n = node as {
    text?: unknown
    children?: unknown[]
    root?: unknown
    fields?: { url?: string }
  }
  if (n.root) return plainText(n.root)
  const own = typeof n.text === 'string' ? n.text : ''
  const url = n.fields?.url ? `[${n.fields.url}]` : ''
  return own + url + (n.children ?? []).map(plainText).join('\n')
}

const INLINE = new Set(['text', 'link', 'autolink', 'linebreak', 'tab'])

/**
 * The text of a Lexical body as one reads it, for search: inline nodes (text, links) run on
 * without a break, so a bold word stays part of its sentence; blocks end with a line break;
 * addresses are left out.
 */
export function readableText(node: unknown): string {
  if (!node || typeof node !== 'object') return ''
  const n = node as { type?: string; text?: unknown; children?: unknown[]; root?: unknown }
  if (n.root)
    return readableText(n.root)
      .replace(/\n{2,}/g, '\n')
      .trim()
  if (n.type === 'linebreak') return '\n'
  const own = typeof n.text === 'string' ? n.text : ''
  const inner = (n.children ?? []).map(readableText).join('')
  return own + inner + (n.type && !INLINE.has(n.type) && n.type !== 'root' ? '\n' : '')
}
