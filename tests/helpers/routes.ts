// Payload's REST and GraphQL route handlers called in-process with a Request, as Next would
// call them: the same operations, access, hooks and error handling, without the Next server.
import type { Payload } from 'payload'

export type Answer = { status: number; body: Record<string, unknown> }

type Call = { token?: string; ip?: string; headers?: Record<string, string> }

const headersOf = ({ token, ip, headers }: Call): Record<string, string> => ({
  'content-type': 'application/json',
  ...(token ? { authorization: `JWT ${token}` } : {}),
  ...(ip ? { 'x-forwarded-for': ip } : {}),
  ...headers,
})

const config = async () => (await import('../../payload.config')).default

/** A REST call (`/api/...`) through Payload's own endpoint handling. */
export async function rest(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  { body, ...call }: Call & { body?: unknown } = {},
): Promise<Answer> {
  const { handleEndpoints } = await import('payload')
  const request = new Request(`http://localhost:3000/api${path}`, {
    method,
    headers: headersOf(call),
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const res = await handleEndpoints({ config: await config(), path: `/api${path}`, request })
  const text = await res.text()
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} }
}

/** A GraphQL call through the handler Next serves at POST /api/graphql. */
export async function graphql(
  query: string,
  variables: Record<string, unknown> = {},
  call: Call = {},
): Promise<
  Answer & {
    data?: Record<string, unknown>
    errors?: { message: string; extensions?: Record<string, unknown> }[]
  }
> {
  const { GRAPHQL_POST } = await import('@payloadcms/next/routes')
  const request = new Request('http://localhost:3000/api/graphql', {
    method: 'POST',
    headers: headersOf(call),
    body: JSON.stringify({ query, variables }),
  })
  const res = await GRAPHQL_POST(config())(request)
  const body = (await res.json()) as Record<string, unknown>
  return {
    status: res.status,
    body,
    data: body.data as Record<string, unknown> | undefined,
    errors: body.errors as { message: string; extensions?: Record<string, unknown> }[] | undefined,
  }
}

/** A token for a test user (password of tests/helpers/fixtures). */
export async function tokenFor(payload: Payload, email: string): Promise<string> {
  const res = await payload.login({
    collection: 'users',
    data: { email, password: 'Test-Password-1' },
  })
  return res.token!
}
