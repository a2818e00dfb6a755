// What a use case answers when it will not do something: sentences for the person, the HTTP
// status, and the field at fault when there is exactly one.
export type Refusal = {
  reasons: string[]
  status?: number
  path?: string
  /** Several fields at fault, each with its own sentence (the admin marks each one). */
  fields?: { path: string; message: string }[]
}

/**
 * Payload refused the input itself (a 4xx: a validation or upload check), as opposed to failing
 * to store it (the database away, a bug): the first is the person's to fix, the second ours.
 */
export const isRefusal = (err: unknown): boolean => {
  const status = (err as { status?: number })?.status
  return typeof status === 'number' && status >= 400 && status < 500
}
