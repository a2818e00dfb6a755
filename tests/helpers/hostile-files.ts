// Files built to become active content if a server trusted their names: each holds a page with
// a script, and most pass as a PDF by their first bytes (the issue 9 attack).

/** The extensions that make a browser run a file as a page or image with scripts. */
export const ACTIVE_EXTENSIONS = ['html', 'htm', 'shtml', 'svg', 'xhtml', 'xml'] as const

const PAGE =
  '<!doctype html><html><body><form action="/api/users" method="post"><input name="email"></form>' +
  '<script>alert(document.domain)</script><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg></body></html>'

/** A plain web page with a script and a form aimed at the admin's API. */
export const activePage = (): Buffer => Buffer.from(PAGE)

/** A page that starts with `%PDF-` and ends with a cross-reference table: "a PDF" by its bytes. */
export const pageAsPdf = (): Buffer =>
  Buffer.from(
    `%PDF-1.4\n${PAGE}\nxref\n0 1\n0000000000 65535 f \ntrailer\n<<>>\nstartxref\n0\n%%EOF\n`,
    'latin1',
  )

/** An SVG image with a script. */
export const scriptedSvg = (): Buffer =>
  Buffer.from(
    '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.domain)</script><rect width="10" height="10"/></svg>',
  )
