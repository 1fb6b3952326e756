// The one script on the site: turns the search link in the header (and the search page's form)
// into a search field over the static index in search/ (see search-engine.js). Without it every page still reads;
// the header keeps a link to the search page. Results are built with textContent only, so no
// text from a story is ever parsed as HTML.

import {createSearch} from './search-engine.js'

const engines = new Map()

const SERVER_NEEDED = 'Search needs the site to be served by a web server: a page opened from disk cannot read the search index.'

/** One search per site root; its index files are fetched on first use and kept. */
function loadEngine(siteRoot) {
  if (!engines.has(siteRoot.href)) engines.set(siteRoot.href, createSearch(siteRoot))
  return Promise.resolve(engines.get(siteRoot.href))
}

/** Story URLs in the index are relative to the site root, so they work under any sub-path. */
function storyUrl(siteRoot, url) {
  return new URL(url, siteRoot).href
}

function element(tag, className, text) {
  const node = document.createElement(tag)
  if (className) node.className = className
  if (text) node.textContent = text
  return node
}

function resultItem(siteRoot, data) {
  const item = element('li', 'search-result')
  const link = element('a', 'search-result-title', data.meta.title || data.url)
  link.href = storyUrl(siteRoot, data.url)
  item.append(link)
  if (data.meta.date) item.append(element('p', 'search-result-date', data.meta.date))
  if (data.meta.excerpt) item.append(element('p', 'search-result-excerpt', data.meta.excerpt))
  return item
}

function enhance(form) {
  const siteRoot = new URL(form.dataset.searchRoot || './', document.baseURI)
  const limit = Number(form.dataset.searchLimit) || 10
  const input = form.querySelector('input[type="search"]')
  const panel = form.querySelector('[data-search-results]')
  const fallback = form.parentElement.querySelector('[data-search-fallback]')
  const isPage = 'searchPage' in form.dataset
  // Opened from disk (`file://`), the browser lets no page fetch the index: the header keeps its
  // link to the search page, and the page says plainly what search needs, not that JavaScript is off.
  if (location.protocol === 'file:') {
    const reason = isPage ? fallback?.querySelector('p') : null
    if (reason) reason.textContent = SERVER_NEEDED
    return
  }
  if (!input || !panel) return

  const status = element('p', 'search-status')
  status.setAttribute('role', 'status')
  const list = element('ol', 'search-results')
  panel.append(status, list)
  fallback?.setAttribute('hidden', '')
  form.hidden = false

  let latest = 0
  let timer = 0
  let dismissed = false

  async function run(query, shown) {
    const ticket = ++latest
    if (query.trim() === '') {
      panel.hidden = true
      list.replaceChildren()
      status.textContent = ''
      return
    }
    const engine = await loadEngine(siteRoot)
    const search = await engine(query)
    const slice = await Promise.all(search.results.slice(0, shown).map((r) => r.data()))
    if (ticket !== latest) return
    const total = search.results.length
    status.textContent =
      total === 0 ? `No stories match “${query}”.` : `${total} ${total === 1 ? 'story matches' : 'stories match'} “${query}”.`
    list.replaceChildren(...slice.map((data) => resultItem(siteRoot, data)))
    if (total > shown) {
      const more = element('li', 'search-more')
      if (isPage) {
        const button = element('button', null, 'Show more results')
        button.type = 'button'
        button.addEventListener('click', () => run(query, shown + limit))
        more.append(button)
      } else {
        const link = element('a', null, `All ${total} results`)
        link.href = `${form.action}?q=${encodeURIComponent(query)}`
        more.append(link)
      }
      list.append(more)
    }
    panel.hidden = isPage ? false : dismissed
  }

  function report(error) {
    status.textContent = 'Search is unavailable: the index could not be loaded.'
    list.replaceChildren()
    panel.hidden = false
    console.error(error)
  }

  input.addEventListener('input', () => {
    clearTimeout(timer)
    timer = setTimeout(() => run(input.value, limit).catch(report), 150)
  })
  // Start loading the index as soon as someone shows interest, not on every page view.
  input.addEventListener('focus', () => loadEngine(siteRoot).then((engine) => engine('')).catch(report), {once: true})

  if (isPage) {
    form.addEventListener('submit', (event) => {
      event.preventDefault()
      const query = input.value
      history.replaceState(null, '', `?q=${encodeURIComponent(query)}`)
      run(query, limit).catch(report)
    })
    const query = new URLSearchParams(location.search).get('q')
    if (query) {
      input.value = query
      run(query, limit).catch(report)
    }
  } else {
    // Escape closes the panel until the reader types again; leaving the form closes it too.
    input.addEventListener('input', () => (dismissed = false))
    form.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !panel.hidden) {
        dismissed = true
        panel.hidden = true
        input.focus()
      }
    })
    form.addEventListener('focusout', (event) => {
      if (!form.contains(event.relatedTarget)) panel.hidden = true
    })
    input.addEventListener('focus', () => {
      if (list.children.length > 0 && !dismissed) panel.hidden = false
    })
  }
}

for (const form of document.querySelectorAll('form[data-search-root]')) enhance(form)
