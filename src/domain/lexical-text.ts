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
