// The platform's own marks in the admin, in place of Payload's: the emblem (uploaded in 平台设置,
// or a built-in one) with the platform's name on the login page, the emblem alone in the nav.
import type { Payload } from 'payload'

import { PLATFORM_SETTINGS } from '../domain/slugs'
import { settings } from '../settings'

type Brand = { name: string; shortName: string; emblem: string | null }

async function brandOf(payload: Payload | undefined): Promise<Brand> {
  const fallback = { name: settings.platformName, shortName: '', emblem: null }
  if (!payload) return fallback
  const doc = (await payload
    .findGlobal({ slug: PLATFORM_SETTINGS, depth: 1, overrideAccess: true })
    .catch(() => null)) as { name?: string; shortName?: string; emblem?: { url?: string } } | null
  return {
    name: doc?.name || fallback.name,
    shortName: doc?.shortName || '',
    emblem: doc?.emblem?.url ?? null,
  }
}

/** A built-in emblem: a red disc with a gold five-pointed star over a white building. */
function BuiltInEmblem({ size }: { size: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true">
      <circle cx="32" cy="32" r="31" fill="#b71c1c" />
      <path
        d="M32 9l3.1 9.5h10l-8.1 5.9 3.1 9.5-8.1-5.9-8.1 5.9 3.1-9.5-8.1-5.9h10z"
        fill="#ffd54f"
      />
      <path d="M16 52h32v-3H16zm3-4h26l-13-9z" fill="#fff" />
      <path d="M21 47h3v-7h-3zm6 0h3v-7h-3zm6 0h3v-7h-3zm6 0h3v-7h-3z" fill="#fff" />
    </svg>
  )
}

function Emblem({ brand, size }: { brand: Brand; size: number }) {
  if (brand.emblem) return <img src={brand.emblem} alt="" width={size} height={size} />
  return <BuiltInEmblem size={size} />
}

/** The login page's mark: emblem and full name. */
export async function Logo({ payload }: { payload?: Payload }) {
  const brand = await brandOf(payload)
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: '0.75rem' }}>
      <Emblem brand={brand} size={48} />
      <span style={{ fontSize: '1.5rem', fontWeight: 600 }}>{brand.name}</span>
    </div>
  )
}

/** The navigation's mark: the emblem, named for screen readers. */
export async function Icon({ payload }: { payload?: Payload }) {
  const brand = await brandOf(payload)
  return (
    <span title={brand.name} style={{ display: 'inline-flex' }}>
      <Emblem brand={brand} size={24} />
      <span
        className="sr-only"
        style={{
          position: 'absolute',
          width: 1,
          height: 1,
          overflow: 'hidden',
          clip: 'rect(0 0 0 0)',
        }}
      >
        {brand.name}
      </span>
    </span>
  )
}
