// What a public page knows about its request: the site, its columns, the path, care mode, and
// how links are made. Built once per request by the router; every route and view reads it.
import type { Payload } from 'payload'

import type { Registry, SiteColumns, SiteRecord } from './registry'

export type PageContext = {
  payload: Payload
  registry: Registry
  site: SiteRecord
  columns: SiteColumns
  /** Path of the page without query, e.g. /tzgg/ */
  path: string
  care: boolean
  port: number
  platformName: string
  /**
   * Whether the reader came by a development address (`<slug>.localhost`): links to other
   * sites then go to theirs. The only fact about the request that links depend on; the router's
   * cache key carries it.
   */
  dev: boolean
  /** The platform's site directory (站群导航). */
  directoryHref: string
}
