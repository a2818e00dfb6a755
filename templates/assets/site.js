// Progressive enhancement only: every page works without this file.
// Shows the 打印本页 button on article pages.
for (const button of document.querySelectorAll('[data-print]')) {
  button.hidden = false
  button.addEventListener('click', () => window.print())
}
