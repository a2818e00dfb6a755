// What a use case answers when it will not do something: sentences for the person, the HTTP
// status, and the field at fault when there is exactly one.
export type Refusal = {
  reasons: string[]
  status?: number
  path?: string
  /** Several fields at fault, each with its own sentence (the admin marks each one). */
  fields?: { path: string; message: string }[]
}
