// Files for the demo platform, made here so the repository carries no binaries.
import sharp from 'sharp'

const PALETTES = [
  ['#1f5fa8', '#7fb3e6'],
  ['#b31b1b', '#f0a35e'],
  ['#2e7d32', '#a5d6a7'],
  ['#6a4c93', '#c3aed6'],
  ['#00695c', '#80cbc4'],
  ['#8d6e63', '#d7ccc8'],
]

/** A landscape picture (sky, hills, a building outline) as JPEG, varied by `n`. */
export async function demoImage(n: number): Promise<Buffer> {
  const [a, b] = PALETTES[n % PALETTES.length]
  const w = 1200
  const h = 800
  const x = 150 + ((n * 137) % 700)
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
  <defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${b}"/><stop offset="1" stop-color="#ffffff"/></linearGradient></defs>
  <rect width="${w}" height="${h}" fill="url(#g)"/>
  <circle cx="${w - 180 - (n % 5) * 60}" cy="160" r="70" fill="#fff7d6" opacity="0.9"/>
  <path d="M0 ${h - 220} Q ${w / 4} ${h - 380 - (n % 4) * 30} ${w / 2} ${h - 250} T ${w} ${h - 300} V ${h} H 0 Z" fill="${a}" opacity="0.55"/>
  <path d="M0 ${h - 140} Q ${w / 3} ${h - 240} ${(2 * w) / 3} ${h - 160} T ${w} ${h - 170} V ${h} H 0 Z" fill="${a}" opacity="0.85"/>
  <rect x="${x}" y="${h - 420}" width="220" height="300" fill="#ffffff" opacity="0.9"/>
  <polygon points="${x - 20},${h - 420} ${x + 110},${h - 500} ${x + 240},${h - 420}" fill="#ffffff" opacity="0.9"/>
  ${Array.from({ length: 12 }, (_, i) => `<rect x="${x + 25 + (i % 4) * 48}" y="${h - 390 + Math.floor(i / 4) * 80}" width="28" height="48" fill="${a}" opacity="0.6"/>`).join('')}
</svg>`
  return sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer()
}

/** A one-page PDF (ASCII text: a demo file, not the real document). */
export function demoPdf(lines: string[]): Buffer {
  const text = lines.map((l) => l.replace(/[^\x20-\x7e]/g, '?').replace(/[()\\]/g, '\\$&'))
  const stream = [
    'BT',
    '/F1 14 Tf',
    '72 760 Td',
    '18 TL',
    ...text.map((t) => `(${t}) '`),
    'ET',
  ].join('\n')
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(stream)} >>\nstream\n${stream}\nendstream`,
  ]
  let out = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out))
    out += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = Buffer.byteLength(out)
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(out, 'latin1')
}
