// The Liquid engine: auto-escaping, so templates a site admin edits cannot inject markup.
import path from 'node:path'

import { Liquid } from 'liquidjs'

const TEMPLATES = path.resolve(process.env.TEMPLATES_DIR ?? 'templates')

const engines = new Map<string, Liquid>()

/** One engine per theme; a theme's files override `_base`. `null` is the platform's own pages. */
export function engineFor(theme: string | null): Liquid {
  const key = theme ?? '_platform'
  let engine = engines.get(key)
  if (!engine) {
    const root = theme
      ? [path.join(TEMPLATES, theme), path.join(TEMPLATES, '_base')]
      : [path.join(TEMPLATES, '_base')]
    engine = new Liquid({
      root,
      extname: '.liquid',
      outputEscape: 'escape',
      cache: process.env.NODE_ENV === 'production' || process.env.TEMPLATE_CACHE === '1',
      strictFilters: true,
    })
    engines.set(key, engine)
  }
  return engine
}

export const render = (theme: string | null, name: string, view: object): Promise<string> =>
  engineFor(theme).renderFile(name, view)

export const assetsDir = path.join(TEMPLATES, 'assets')
