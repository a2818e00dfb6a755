// The one way to read an id from a relation, populated or not, on any database: ids are numbers
// on SQLite and PostgreSQL and ObjectId strings on MongoDB, so they are compared as strings.

export type Id = string | number

/** The id of a relation value (`5`, `'65a…'` or `{ id }`); undefined when there is none. */
export function idOf(value: unknown): Id | undefined {
  if (value == null || value === '') return undefined
  if (typeof value === 'object') {
    const id = (value as { id?: unknown }).id
    return typeof id === 'string' || typeof id === 'number' ? id : undefined
  }
  return typeof value === 'string' || typeof value === 'number' ? value : undefined
}

/** The ids of a has-many relation, absent ones left out. */
export const idsOf = (value: unknown): Id[] =>
  (Array.isArray(value) ? value : []).map(idOf).filter((id): id is Id => id !== undefined)

/** Whether two relation values name the same document (5 and '5' do). */
export function sameId(a: unknown, b: unknown): boolean {
  const x = idOf(a)
  const y = idOf(b)
  return x !== undefined && y !== undefined && String(x) === String(y)
}
