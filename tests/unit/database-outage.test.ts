// The pieces that keep a public node answering while its database is away, without a
// database: the health probe's cache and the site registry's last good lists.
import type { Payload } from 'payload'
import { describe, expect, it } from 'vitest'

import { createDatabaseHealth } from '../../src/server/database-health'
import { createRegistry } from '../../src/server/public/registry'

const refused = () => Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })

describe('the database health probe', () => {
  it('asks the database once for a burst of checks', async () => {
    let probes = 0
    let t = 0
    const health = createDatabaseHealth({ probe: async () => probes++, now: () => t })
    const answers = await Promise.all(Array.from({ length: 50 }, () => health.check()))
    expect(answers.every((a) => a === 'up')).toBe(true)
    t += 1000
    await health.check()
    expect(probes).toBe(1)
  })

  it('says down when the probe fails or outlasts its timeout, and asks again soon', async () => {
    let t = 0
    let mode: 'fail' | 'hang' | 'ok' = 'fail'
    const health = createDatabaseHealth({
      probe: () =>
        mode === 'fail'
          ? Promise.reject(refused())
          : mode === 'hang'
            ? new Promise(() => {})
            : Promise.resolve(1),
      timeoutMs: 20,
      downForMs: 1000,
      now: () => t,
    })
    expect(await health.check()).toBe('down')
    mode = 'hang'
    t += 1001
    expect(await health.check()).toBe('down')
    mode = 'ok'
    t += 500
    expect(await health.check()).toBe('down')
    t += 501
    expect(await health.check()).toBe('up')
  })

  it('turns down at once when a request has just failed for want of the database', async () => {
    const health = createDatabaseHealth({ probe: async () => 1, now: () => 0 })
    expect(await health.check()).toBe('up')
    health.markDown()
    expect(await health.check()).toBe('down')
  })
})

/** A Payload whose `find` answers from the given rows, or fails while `down` is set. */
function fakePayload() {
  const state = { down: false, finds: 0 }
  const payload = {
    find: async ({ collection }: { collection: string }) => {
      state.finds++
      if (state.down) throw new Error('Failed query', { cause: refused() })
      if (collection === 'sites')
        return { docs: [{ id: 1, slug: 'www', name: '青川市人民政府', domains: [] }] }
      return { docs: [{ id: 7, name: '通知公告', slug: 'tzgg', path: 'tzgg', order: 1 }] }
    },
  }
  return { state, payload: payload as unknown as Payload }
}

describe('the site registry while the database is away', () => {
  it('answers with the last list it loaded, and asks the database again only after a pause', async () => {
    const { state, payload } = fakePayload()
    let t = 0
    const registry = createRegistry(payload, { now: () => t })
    expect((await registry.sites()).map((s) => s.slug)).toEqual(['www'])
    // A purge (a site changed) drops the list; then the database goes away.
    const { pageCache } = await import('../../src/services/page-cache')
    pageCache.purge(['site:1'])
    state.down = true
    const finds = state.finds
    expect((await registry.sites()).map((s) => s.name)).toEqual(['青川市人民政府'])
    expect((await registry.sites()).length).toBe(1)
    expect(state.finds).toBe(finds + 1)
    t += 2500
    await registry.sites()
    expect(state.finds).toBe(finds + 2)
    // Back: the next load replaces the kept list.
    state.down = false
    t += 2500
    await registry.sites()
    expect(registry.snapshot()?.length).toBe(1)
  })

  it('keeps a site’s last column tree through a purge', async () => {
    const { state, payload } = fakePayload()
    const registry = createRegistry(payload)
    expect((await registry.columns(1)).byPath.has('tzgg')).toBe(true)
    const { pageCache } = await import('../../src/services/page-cache')
    pageCache.purge(['site:1'])
    state.down = true
    expect((await registry.columns(1)).byPath.has('tzgg')).toBe(true)
  })

  it('fails as before when nothing has loaded yet', async () => {
    const { state, payload } = fakePayload()
    state.down = true
    const registry = createRegistry(payload)
    await expect(registry.sites()).rejects.toThrow('Failed query')
    await expect(registry.columns(1)).rejects.toThrow('Failed query')
  })
})

describe('the page cache', () => {
  it('keeps a purged page aside until its new version is stored', async () => {
    const { pageCache } = await import('../../src/services/page-cache')
    const page = {
      status: 200,
      body: Buffer.from('旧版本'),
      etag: '"x"',
      lastModified: new Date(0).toUTCString(),
      contentType: 'text/html; charset=utf-8',
      tags: ['article:9'],
      storedAt: 0,
    }
    pageCache.set('k|/a/9.html|0', page)
    expect(pageCache.purge(['article:9'])).toBe(1)
    expect(pageCache.get('k|/a/9.html|0')).toBeUndefined()
    expect(pageCache.stale('k|/a/9.html|0')?.body.toString()).toBe('旧版本')
    pageCache.set('k|/a/9.html|0', { ...page, body: Buffer.from('新版本') })
    expect(pageCache.stale('k|/a/9.html|0')).toBeUndefined()
  })

  it('keeps nothing aside of a page taken down on purpose, not even an earlier version', async () => {
    const { pageCache } = await import('../../src/services/page-cache')
    const page = {
      status: 200,
      body: Buffer.from('已下线的信息'),
      etag: '"y"',
      lastModified: new Date(0).toUTCString(),
      contentType: 'text/html; charset=utf-8',
      tags: ['article:10', 'column:3'],
      storedAt: 0,
    }
    pageCache.set('k|/a/10.html|0', page)
    pageCache.purge(['column:3'])
    expect(pageCache.stale('k|/a/10.html|0')).toBeDefined()
    pageCache.purge(['article:10'], { keepStale: false })
    expect(pageCache.stale('k|/a/10.html|0')).toBeUndefined()
    pageCache.set('k|/a/10.html|0', page)
    pageCache.purge(['article:10'], { keepStale: false })
    expect(pageCache.get('k|/a/10.html|0')).toBeUndefined()
    expect(pageCache.stale('k|/a/10.html|0')).toBeUndefined()
  })
})
