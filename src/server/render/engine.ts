// The Liquid engine: auto-escaping, so templates a site admin edits cannot inject markup.
import path from 'node:path'

import { Liquid } from 'liquidjs'

import { settings } from '../../settings'

const TEMPLATES = settings.templatesDir

const engines = new Map<string, Liquid>()

/**
 * `{{ href | keep_care: layout.careQs }}`: an internal link that keeps care mode (长辈版) on.
 * A filter, not a partial: a page has dozens of links and a partial per link doubled render time.
 */
export function keepCare(href: unknown, qs: unknown): string {
  const h = String(href ?? '')
  const q = String(qs ?? '')
  if (!q || h.includes('care=')) return h
  return h.includes('?') ? `${h}&${q.replace(/^\?/, '')}` : `${h}${q}`
}

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
      cache: settings.templateCache,
      strictFilters: true,
    })
    engine.registerFilter('keep_care', keepCare)
    engines.set(key, engine)
  }
  return engine
}

/**
 * Renders synchronously: liquidjs's async renderer wraps every token in a promise and took
 * twice as long. Templates read only the view model, so there is nothing to wait for. (An
 * engine must not mix the two: its cache would hold promises the sync renderer cannot use.)
 */
export const render = async (theme: string | null, name: string, view: object): Promise<string> =>
  engineFor(theme).renderFileSync(name, view)

export const assetsDir = path.join(TEMPLATES, 'assets')
