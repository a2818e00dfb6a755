// Progressive enhancement only: every page works without this file.
// Shows the 打印本页 button on article pages.
for (const button of document.querySelectorAll('[data-print]')) {
  button.hidden = false
  button.addEventListener('click', () => window.print())
}

// ---- 依申请公开 (ysqgk): request form enhancements; the form works fully without them. ----
for (const form of document.querySelectorAll('[data-request-form]')) {
  // Show only the fields of the applicant kind chosen. A hidden section is also disabled, so
  // its fields are not sent; with no kind chosen, both stay visible.
  const person = form.querySelector('[data-applicant="person"]')
  const organisation = form.querySelector('[data-applicant="organisation"]')
  const sync = () => {
    const chosen = form.querySelector('input[name="applicantKind"]:checked')
    if (!chosen || !person || !organisation) return
    const isPerson = chosen.value === 'natural-person'
    person.hidden = !isPerson
    person.disabled = !isPerson
    organisation.hidden = isPerson
    organisation.disabled = isPerson
  }
  for (const radio of form.querySelectorAll('input[name="applicantKind"]')) {
    radio.addEventListener('change', sync)
  }
  sync()
  // One click sends the form once; the server's idempotency key is the real guard.
  form.addEventListener('submit', (event) => {
    const button = event.submitter
    if (!button || !button.hasAttribute('data-submit-once')) return
    if (form.dataset.sent) {
      event.preventDefault()
      return
    }
    form.dataset.sent = '1'
    setTimeout(() => {
      button.disabled = true
      button.dataset.label = button.textContent
      button.textContent = '正在提交……'
    }, 0)
  })
  // Back from the next page (bfcache): the form may be sent again, as a new submission would.
  window.addEventListener('pageshow', (event) => {
    if (!event.persisted) return
    delete form.dataset.sent
    for (const button of form.querySelectorAll('[data-submit-once]')) {
      button.disabled = false
      if (button.dataset.label) button.textContent = button.dataset.label
    }
  })
}
// Move focus to the error summary so screen readers read it first.
const summary = document.querySelector('[data-error-summary]')
if (summary) summary.focus()
// ---- end of ysqgk ----

// ---- The main navigation folds into one button on phones (without script it stays open). ----
for (const nav of document.querySelectorAll('.mainnav')) {
  const toggle = nav.querySelector('.mainnav-toggle')
  if (!toggle) continue
  document.documentElement.classList.add('js-nav')
  toggle.hidden = false
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true'
    toggle.setAttribute('aria-expanded', String(open))
    nav.classList.toggle('open', open)
  })
}
