// Refuses a malformed id or filter with a 400 and a sentence before Payload hands it to the
// database (which would answer with an error and the API with a 500). REST, GraphQL and the
// Local API all pass through beforeOperation, so one hook covers them.
import {
  APIError,
  type CollectionBeforeOperationHook,
  type FlattenedField,
  type SanitizedCollectionConfig,
} from 'payload'

import {
  type FieldShape,
  idProblem,
  type IdType,
  whereProblems,
} from '../../src/domain/query-input'

const ID_KINDS = new Set(['relationship', 'upload', 'join'])

/** Payload's fields as far as a filter's value types go. */
function shapeOf(field: FlattenedField): FieldShape {
  if (field.type === 'date') return { name: field.name, kind: 'date' }
  if (field.type === 'number') return { name: field.name, kind: 'number' }
  // A polymorphic relation compares with { relationTo, value } objects: left to Payload.
  if (ID_KINDS.has(field.type) && 'relationTo' in field && typeof field.relationTo === 'string')
    return { name: field.name, kind: 'id' }
  if ((field.type === 'group' || field.type === 'tab') && 'flattenedFields' in field)
    return { name: field.name, kind: 'nested', fields: field.flattenedFields.map(shapeOf) }
  return { name: field.name, kind: 'other' }
}

const shapes = new WeakMap<SanitizedCollectionConfig, FieldShape[]>()
const shapesOf = (collection: SanitizedCollectionConfig) => {
  let found = shapes.get(collection)
  if (!found) shapes.set(collection, (found = collection.flattenedFields.map(shapeOf)))
  return found
}

export const refuseMalformedQuery: CollectionBeforeOperationHook = ({ args, collection, req }) => {
  const idType: IdType = req.payload.db.defaultIDType === 'number' ? 'number' : 'text'
  const { id, where } = args as { id?: unknown; where?: unknown }
  const problems = [
    idProblem(id, idType),
    ...whereProblems({ where, fields: shapesOf(collection), idType }),
  ].filter((p): p is string => Boolean(p))
  if (problems.length) throw new APIError(problems.join('；'), 400, null, true)
  return args
}
