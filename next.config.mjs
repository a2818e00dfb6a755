import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // `npm run typecheck` checks the whole project; the admin's build need not do it again (≈ 30 s).
  typescript: { ignoreBuildErrors: true },
  // The Chinese segmenter is a native addon: loaded by Node at run time, never bundled.
  serverExternalPackages: ['@node-rs/jieba'],
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
