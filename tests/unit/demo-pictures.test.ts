// The demo's generated pictures: real JPEGs, and varied — not one picture repeated.
import { createHash } from 'node:crypto'

import sharp from 'sharp'
import { describe, expect, it } from 'vitest'

import { DEMO_SCENES, demoImage } from '../../src/seed/files'

describe('demo pictures', () => {
  it('are 1200×800 JPEGs', async () => {
    const meta = await sharp(await demoImage(0)).metadata()
    expect(meta).toMatchObject({ format: 'jpeg', width: 1200, height: 800 })
  })

  it('differ from one another across the first dozen, in content and in colour', async () => {
    const pictures = await Promise.all(Array.from({ length: 12 }, (_, n) => demoImage(n)))
    const hashes = new Set(pictures.map((p) => createHash('sha256').update(p).digest('hex')))
    expect(hashes.size).toBe(12)
    // The average colour of each picture, rounded: scenes and palettes vary, so do they.
    const colours = await Promise.all(
      pictures.map(async (p) => {
        const { channels } = await sharp(p).stats()
        return channels.map((c) => Math.round(c.mean / 16)).join(',')
      }),
    )
    expect(new Set(colours).size).toBeGreaterThanOrEqual(8)
  })

  it('give the same picture for the same number, so a seeded demo is the same each time', async () => {
    expect((await demoImage(7)).equals(await demoImage(7))).toBe(true)
  })

  it('draw the scene an article names, each scene its own picture', async () => {
    const pictures = await Promise.all(DEMO_SCENES.map((scene) => demoImage(3, scene)))
    const hashes = new Set(pictures.map((p) => createHash('sha256').update(p).digest('hex')))
    expect(hashes.size).toBe(DEMO_SCENES.length)
    // Without a scene named, number 3 is the fourth scene.
    expect((await demoImage(3)).equals(await demoImage(3, DEMO_SCENES[3]))).toBe(true)
  })
})
