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

const W = 1200
const H = 800

/** Scenes a government site's picture news shows; an article names the one that fits it. */
export const DEMO_SCENES = [
  'city',
  'river',
  'fields',
  'hall',
  'park',
  'hills',
  'school',
  'hospital',
] as const
export type DemoScene = (typeof DEMO_SCENES)[number]

const SCENES: Record<DemoScene, (n: number, a: string, b: string) => string> = {
  // A city skyline at dusk.
  city: (n, a, b) => `
  <rect width="${W}" height="${H}" fill="url(#sky)"/>
  <circle cx="${900 - (n % 4) * 90}" cy="${260 + (n % 3) * 20}" r="60" fill="#ffcf7a" opacity="0.9"/>
  ${Array.from({ length: 14 }, (_, i) => {
    const bw = 60 + ((i * 37 + n * 11) % 70)
    const bh = 180 + ((i * 53 + n * 29) % 300)
    const bx = i * 88 - 20
    return `<rect x="${bx}" y="${H - 120 - bh}" width="${bw}" height="${bh}" fill="${a}" opacity="${0.65 + (i % 3) * 0.1}"/>`
  }).join('')}
  ${Array.from({ length: 60 }, (_, i) => `<rect x="${(i * 97 + n * 13) % W}" y="${H - 160 - ((i * 61) % 380)}" width="10" height="14" fill="#fff3b0" opacity="0.8"/>`).join('')}
  <rect y="${H - 120}" width="${W}" height="120" fill="${b}"/>`,
  // A river with a bridge.
  river: (n, a, b) => `
  <rect width="${W}" height="${H}" fill="url(#sky)"/>
  <path d="M0 ${H - 330} Q 300 ${H - 420 - (n % 3) * 40} 600 ${H - 340} T ${W} ${H - 360} V ${H} H 0 Z" fill="${a}" opacity="0.5"/>
  <rect y="${H - 260}" width="${W}" height="260" fill="${b}"/>
  <path d="M0 ${H - 200} C 300 ${H - 230} 900 ${H - 170} ${W} ${H - 210}" stroke="#ffffff" stroke-width="6" fill="none" opacity="0.6"/>
  <path d="M80 ${H - 300} Q 600 ${H - 470} 1120 ${H - 300}" stroke="${a}" stroke-width="16" fill="none"/>
  <rect x="60" y="${H - 310}" width="1080" height="18" fill="${a}"/>
  ${Array.from({ length: 9 }, (_, i) => `<rect x="${120 + i * 120}" y="${H - 300}" width="10" height="${70 + Math.abs(4 - i) * 10}" fill="${a}"/>`).join('')}`,
  // Fields in rows, a farmhouse.
  fields: (n, a, b) => `
  <rect width="${W}" height="${H}" fill="url(#sky)"/>
  <circle cx="${200 + (n % 5) * 150}" cy="150" r="55" fill="#fff7d6"/>
  <rect y="${H - 420}" width="${W}" height="420" fill="${b}"/>
  ${Array.from({ length: 10 }, (_, i) => `<path d="M${-200 + i * 160} ${H} L ${560 + i * 20} ${H - 420}" stroke="${a}" stroke-width="${14 + (i % 3) * 6}" opacity="0.75"/>`).join('')}
  <rect x="${820 - (n % 3) * 120}" y="${H - 520}" width="170" height="110" fill="#f5f0e6"/>
  <polygon points="${800 - (n % 3) * 120},${H - 520} ${905 - (n % 3) * 120},${H - 590} ${1010 - (n % 3) * 120},${H - 520}" fill="#a33b2a"/>`,
  // A meeting hall: a banner, a rostrum, rows of seats.
  hall: (n, a, b) => `
  <rect width="${W}" height="${H}" fill="#efe6d8"/>
  <rect x="0" y="0" width="${W}" height="120" fill="#7d1a1a"/>
  <rect x="150" y="40" width="900" height="46" fill="#b3261e"/>
  ${Array.from({ length: 12 }, (_, i) => `<rect x="${190 + i * 70}" y="52" width="46" height="22" fill="#ffe08a" opacity="0.9"/>`).join('')}
  <rect x="300" y="170" width="600" height="150" fill="${a}" opacity="0.85"/>
  ${Array.from({ length: 5 }, (_, r) => Array.from({ length: 10 }, (_, c) => `<rect x="${110 + c * 100 + (r % 2) * 20}" y="${380 + r * 80}" width="70" height="44" rx="6" fill="${r % 2 ? b : a}" opacity="0.8"/>`).join('')).join('')}
  <circle cx="${W / 2}" cy="${150 + (n % 2) * 10}" r="28" fill="#ffd54f"/>`,
  // A park: trees and a path.
  park: (n, a, b) => `
  <rect width="${W}" height="${H}" fill="url(#sky)"/>
  <rect y="${H - 380}" width="${W}" height="380" fill="${b}"/>
  <path d="M${500 + (n % 3) * 40} ${H} Q 620 ${H - 200} 760 ${H - 380}" stroke="#e8dcc4" stroke-width="70" fill="none"/>
  ${Array.from({ length: 9 }, (_, i) => {
    const tx = 60 + i * 135 + ((n * 17) % 40)
    const ty = H - 380 + ((i * 47) % 140)
    return `<rect x="${tx - 8}" y="${ty - 20}" width="16" height="90" fill="#6d4c41"/><circle cx="${tx}" cy="${ty - 60}" r="${55 + (i % 3) * 12}" fill="${a}" opacity="0.85"/>`
  }).join('')}`,
  // Hills and a public building.
  hills: (n, a, b) => {
    const x = 150 + ((n * 137) % 700)
    return `
  <rect width="${W}" height="${H}" fill="url(#sky)"/>
  <circle cx="${W - 180 - (n % 5) * 60}" cy="160" r="70" fill="#fff7d6" opacity="0.9"/>
  <path d="M0 ${H - 220} Q ${W / 4} ${H - 380 - (n % 4) * 30} ${W / 2} ${H - 250} T ${W} ${H - 300} V ${H} H 0 Z" fill="${a}" opacity="0.55"/>
  <path d="M0 ${H - 140} Q ${W / 3} ${H - 240} ${(2 * W) / 3} ${H - 160} T ${W} ${H - 170} V ${H} H 0 Z" fill="${b}"/>
  <rect x="${x}" y="${H - 420}" width="220" height="300" fill="#ffffff" opacity="0.92"/>
  <polygon points="${x - 20},${H - 420} ${x + 110},${H - 500} ${x + 240},${H - 420}" fill="#ffffff" opacity="0.92"/>
  ${Array.from({ length: 12 }, (_, i) => `<rect x="${x + 25 + (i % 4) * 48}" y="${H - 390 + Math.floor(i / 4) * 80}" width="28" height="48" fill="${a}" opacity="0.6"/>`).join('')}`
  },
  // A school: a teaching block with its flag, a running track in front.
  school: (n, a, b) => {
    const x = 120 + ((n * 71) % 260)
    return `
  <rect width="${W}" height="${H}" fill="url(#sky)"/>
  <rect x="${x}" y="170" width="620" height="260" fill="#f4efe6"/>
  <rect x="${x}" y="150" width="620" height="30" fill="${a}"/>
  ${Array.from({ length: 18 }, (_, i) => `<rect x="${x + 30 + (i % 9) * 66}" y="${215 + Math.floor(i / 9) * 100}" width="40" height="56" fill="${a}" opacity="0.55"/>`).join('')}
  <rect x="${x + 700}" y="120" width="8" height="310" fill="#9e9e9e"/>
  <rect x="${x + 708}" y="125" width="90" height="60" fill="#d62c1f"/>
  <rect y="430" width="${W}" height="${H - 430}" fill="${b}"/>
  <ellipse cx="${W / 2}" cy="620" rx="520" ry="140" fill="none" stroke="#c8553d" stroke-width="60"/>
  <ellipse cx="${W / 2}" cy="620" rx="520" ry="140" fill="none" stroke="#ffffff" stroke-width="3" stroke-dasharray="24 18"/>`
  },
  // A hospital: a white block with a red cross, trees beside it.
  hospital: (n, a, b) => {
    const x = 300 + ((n * 53) % 200)
    return `
  <rect width="${W}" height="${H}" fill="url(#sky)"/>
  <rect y="${H - 200}" width="${W}" height="200" fill="${b}"/>
  <rect x="${x}" y="180" width="480" height="${H - 380}" fill="#ffffff"/>
  <rect x="${x + 200}" y="210" width="80" height="80" fill="#e53935"/>
  <rect x="${x + 225}" y="222" width="30" height="56" fill="#ffffff"/>
  <rect x="${x + 212}" y="235" width="56" height="30" fill="#ffffff"/>
  ${Array.from({ length: 15 }, (_, i) => `<rect x="${x + 40 + (i % 5) * 85}" y="${330 + Math.floor(i / 5) * 85}" width="50" height="50" fill="${a}" opacity="0.5"/>`).join('')}
  ${Array.from({ length: 4 }, (_, i) => {
    const tx = i < 2 ? x - 80 - i * 110 : x + 560 + (i - 2) * 110
    return `<rect x="${tx - 8}" y="${H - 300}" width="16" height="110" fill="#6d4c41"/><circle cx="${tx}" cy="${H - 320}" r="60" fill="${a}" opacity="0.85"/>`
  }).join('')}`
  },
}

/**
 * A picture of one of the scenes above as JPEG; `n` chooses the colours and layout, and the
 * scene when the article names none.
 */
export async function demoImage(n: number, name?: DemoScene): Promise<Buffer> {
  const [a, b] = PALETTES[(n * 5 + Math.floor(n / DEMO_SCENES.length)) % PALETTES.length]
  const scene = SCENES[name ?? DEMO_SCENES[n % DEMO_SCENES.length]]
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">
  <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${n % 2 ? '#9cc8ee' : '#f3c9a0'}"/><stop offset="1" stop-color="#ffffff"/></linearGradient></defs>
  ${scene(n, a, b)}
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
