// Decides how Chinese text becomes search tokens, the same way for a document and for a query:
// normalised (full-width → half-width, upper → lower case, traditional → simplified), then
// - `grams`: every Han run as overlapping character pairs (安装简单 → 安装 装简 简单) with its last
//   character on its own, Latin and digit runs whole. A query term is the phrase of its pairs, so
//   any part of a text is found — 简单 inside 安装简单, which a word segmenter alone misses —
//   and a one-character term is the prefix of a pair (or the lone last character);
// - `words`: jieba's search-mode words (社会保险 → 社会 保险 社会保险) of a title, which rank a
//   title holding the query as a word above one holding its characters by chance.
import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict.js'
import * as OpenCC from 'opencc-js'

let jieba: Jieba | undefined
let toSimplified: ((text: string) => string) | undefined

// Loaded on first use: the dictionary takes about 0.2 s.
const segmenter = (): Jieba => (jieba ??= Jieba.withDict(dict))
const simplified = (text: string): string =>
  (toSimplified ??= OpenCC.Converter({ from: 'tw', to: 'cn' }))(text)

const HAN = /\p{Script=Han}/u
const PIECE = /\p{Script=Han}+|[a-z0-9]+/gu

/** Full-width forms and the ideographic space as ASCII, lower case, traditional as simplified. */
export function normalise(text: string): string {
  return simplified(text.normalize('NFKC').toLowerCase())
}

/**
 * One character as `normalise` reads it, keeping its length: for finding a normalised term in
 * the original text (snippets). A character whose form changes length is kept as it is.
 */
export function normaliseChar(c: string): string {
  const n = normalise(c)
  return n.length === c.length ? n : c.toLowerCase()
}

/** Han runs and Latin/digit runs of a normalised text, in order. */
export const pieces = (norm: string): string[] => norm.match(PIECE) ?? []

const isHan = (piece: string): boolean => HAN.test(piece)

/** A run's tokens: pairs and its last character (Han), or itself (Latin and digits). */
function runGrams(piece: string): string[] {
  if (!isHan(piece)) return [piece]
  const chars = [...piece]
  const out: string[] = []
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1])
  out.push(chars[chars.length - 1])
  return out
}

/** The grams of a text, space-separated, in order (phrases match adjacent grams). */
export function textGrams(text: string): string {
  return pieces(normalise(text)).flatMap(runGrams).join(' ')
}

/** jieba's search-mode words of a text: Han and Latin/digit words only, space-separated. */
export function textWords(text: string): string {
  const norm = normalise(text)
  if (!norm.trim()) return ''
  return segmenter()
    .cutForSearch(norm, true)
    .filter((w) => /^(?:\p{Script=Han}+|[a-z0-9]+)$/u.test(w))
    .join(' ')
}

/** A query term as grams to find next to each other; `prefix` marks a gram that may be longer. */
export type Phrase = { grams: string[]; prefix: boolean[] }

/**
 * A query term (already normalised) as a phrase of grams: two or more Han characters are their
 * pairs; a lone Han character is a prefix (it starts a pair or ends a run); Latin and digits are
 * themselves. Null when the term holds nothing searchable (punctuation only).
 */
export function termPhrase(term: string): Phrase | null {
  const grams: string[] = []
  const prefix: boolean[] = []
  const all = pieces(term)
  all.forEach((piece, i) => {
    if (isHan(piece) && [...piece].length === 1) {
      grams.push(piece)
      prefix.push(true)
      return
    }
    const run = runGrams(piece)
    // A Han run's pairs say it all at the end of a term: the text's run may go on (安装简单
    // holds 简单 with no lone 单 after it). Inside a term the text's run ends where this one
    // does, so its last character stands alone there too.
    const own = isHan(piece) && i === all.length - 1 ? run.slice(0, -1) : run
    for (const g of own) {
      grams.push(g)
      prefix.push(false)
    }
  })
  return grams.length ? { grams, prefix } : null
}

/**
 * The query's terms (and synonyms) that can stand as a title's word: two or more Han
 * characters. A title whose jieba words hold one ranks first; they never decide a match (a
 * title holding the word also holds its characters' pairs).
 */
export function rankWords(terms: string[]): string[] {
  return [...new Set(terms.filter((t) => /^\p{Script=Han}{2,}$/u.test(t)))]
}
