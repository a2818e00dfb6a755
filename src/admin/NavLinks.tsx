// The admin's own pages in the navigation, after the collections: each page decides who may see
// what on it.
const LINKS = [
  { href: '/admin/audit', label: '网站体检' },
  { href: '/admin/retire', label: '关停与整合' },
  { href: '/admin/supervision', label: '依申请公开督办' },
  { href: '/admin/first-hour', label: '第一时间发布统计' },
]

export function NavLinks() {
  return (
    <nav aria-label="监管与统计" className="nav-group" style={{ marginTop: '1rem' }}>
      <div className="nav-group__label" style={{ paddingBottom: '0.5rem' }}>
        监管与统计
      </div>
      {LINKS.map((l) => (
        <a key={l.href} className="nav__link" href={l.href}>
          <span className="nav__link-label">{l.label}</span>
        </a>
      ))}
    </nav>
  )
}
