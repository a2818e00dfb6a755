// Telling Payload's refusal of the input (a 4xx: a validation or upload check) from a failure to
// store it (the database away, a bug): the first is the person's to fix, the second is ours.

/** Payload refused the input itself (400s), as opposed to failing to store it. */
export const isRefusal = (err: unknown): boolean => {
  const status = (err as { status?: number })?.status
  return typeof status === 'number' && status >= 400 && status < 500
}
