// Every page a site answers, in one list: the first route that matches answers. Form and query
// pages are answered on every request (never stored); the rest go through the output cache. A
// new page is one route file listed here.
import { annualReportRoutes } from '../annual-report'
import { hdjlRoutes } from '../hdjl'
import { hdjlStatsRoute } from '../hdjl-stats'
import { jiucuoRoutes } from '../jiucuo'
import type { CachedRoute, DynamicRoute } from '../routes'
import { xxgkRoutes } from '../xxgk'
import { searchRoute } from '../search'
import { ysqgkRoutes } from '../ysqgk'
import { columnRoute } from './columns'
import { feedsRoute } from './feeds'
import { homeRoute } from './home'
import { archiveRoute, redirectSitemapRoute } from '../retired'
import { leaderRoute } from './leaders'
import { shortLinkRoute } from './short-link'

export const SITE_ROUTES: (DynamicRoute | CachedRoute)[] = [
  ...annualReportRoutes,
  ...xxgkRoutes,
  ...ysqgkRoutes,
  hdjlStatsRoute,
  ...hdjlRoutes,
  ...jiucuoRoutes,
  homeRoute,
  searchRoute,
  leaderRoute,
  feedsRoute,
  redirectSitemapRoute,
  archiveRoute,
  shortLinkRoute,
  columnRoute,
]
