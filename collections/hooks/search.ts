// Keep search true: every change of an article or a letter puts it in the index or takes it out
// (src/services/search-index.ts decides which).
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import {
  type ArticleFacts,
  articleRef,
  indexArticleChange,
  indexLetterChange,
  letterRef,
  removeFromIndex,
} from '../../src/services/search-index'

export const indexArticle: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  await indexArticleChange(req, doc as ArticleFacts, previousDoc as ArticleFacts | undefined)
  return doc
}

export const unindexArticle: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await removeFromIndex(req, articleRef(doc.id))
  return doc
}

export const indexLetter: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  type Letter = Parameters<typeof indexLetterChange>[1]
  await indexLetterChange(req, doc as Letter, previousDoc as Letter | undefined)
  return doc
}

export const unindexLetter: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await removeFromIndex(req, letterRef(doc.id))
  return doc
}
