// Runs in every page the dev server sends (never in a build). Listens for finished builds,
// reloads when the site changed, and shows the build's problems in an overlay over the page.
const state = window.__BROADSHEET_DEV__ ?? {version: null, problems: []}
const OVERLAY = 'broadsheet-dev-overlay'

function showProblems(problems) {
  document.getElementById(OVERLAY)?.remove()
  if (problems.length === 0) return
  const box = document.createElement('section')
  box.id = OVERLAY
  box.setAttribute('role', 'alert')
  box.setAttribute('aria-label', 'Build problems')
  box.style.cssText = [
    'position:fixed', 'inset:auto 1rem 1rem 1rem', 'z-index:2147483647', 'max-height:60vh', 'overflow:auto',
    'padding:1rem 1.25rem', 'background:#2b0b0b', 'color:#ffe9e6', 'border:2px solid #ff6b5a', 'border-radius:6px',
    'font:14px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace', 'box-shadow:0 8px 30px rgba(0,0,0,.4)'
  ].join(';')
  const title = document.createElement('h2')
  title.textContent = `Broadsheet: ${problems.length} build ${problems.length === 1 ? 'problem' : 'problems'}`
  title.style.cssText = 'margin:0 0 .5rem;font:700 15px/1.3 system-ui,sans-serif;color:#fff'
  const list = document.createElement('ul')
  list.style.cssText = 'margin:0;padding-left:1.2rem'
  for (const problem of problems) {
    const item = document.createElement('li')
    item.textContent = problem
    list.append(item)
  }
  const close = document.createElement('button')
  close.type = 'button'
  close.textContent = 'Dismiss'
  close.style.cssText = 'margin-top:.75rem;font:600 13px system-ui,sans-serif'
  close.addEventListener('click', () => box.remove())
  box.append(title, list, close)
  document.body.append(box)
}

showProblems(state.problems)

const events = new EventSource('/__broadsheet/events')
events.addEventListener('build', (event) => {
  const build = JSON.parse(event.data)
  // A new version means new files on disk; the reloaded page carries the new problems.
  if (build.version !== state.version) location.reload()
  else showProblems(build.problems)
})
