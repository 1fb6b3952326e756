// The 404 page. A host serves it at any missing address (`/2022/11/08/a-mistyped-slug/`,
// `/sub/a/b/c/missing`), so links relative to its own folder would point nowhere. With a base URL
// its root is that URL's path (`https://example.org/news/` → `/news/`) and every link is
// root-relative. Without one the build cannot know where the site is mounted, so the page needs no
// file of the site to show: its stylesheet is inlined, it has no icon and no search script, and its
// links are written from `/` (right for a site at a host's root, and what a reader without
// JavaScript gets). A small inline script (`NOT_FOUND_SCRIPT`) then finds the site's root and puts
// it in front of every link:
//
// 1. The build writes the site's own top folders on the script (`data-site-folders`: the years,
//    `archive`, `tags`, `search`, `assets`…). A missing address that goes through one of them
//    (`/sub/2022/11/08/a-mistyped-slug/`) is cut there: the root is `/sub/`, at once.
// 2. Every folder above the address is then asked, in one round of HEAD requests, for
//    `search/meta.json`, which only the site's root has; the first that answers, taking the cut
//    from step 1 first and then the nearest folder, is the root. This finds `/sub/` for
//    `/sub/x/y/missing`, which names no folder of the site, and corrects step 1 for a site mounted
//    under a path that happens to be one of its folder names (`/archive/`). Nearest first, so a
//    second site at the host's root is not taken for this one.
//
// If nothing answers (no network, a host that refuses HEAD), the links stay as step 1 or the
// build left them.
import type {PageHead} from './head.ts'
import type {SiteConfig, Templates} from '../model/types.ts'

/** What the layout needs to make a page that loads nothing from the site; null with a base URL. */
export interface Standalone {
  /** The site's stylesheet (`assets/style.css`), to inline in a <style> element. */
  style: string
  /** The site's top folders, space-separated, for the script's `data-site-folders`. */
  folders: string
  script: string
}

/**
 * Inline, so that it runs wherever the page is served; a classic script, so that
 * `document.currentScript` finds its folder list. Links that start with a single `/` are the
 * page's own (the build wrote them from root `/`): only those are changed.
 */
export const NOT_FOUND_SCRIPT = `(function () {
  var folders = document.currentScript.getAttribute('data-site-folders').split(' ')
  var parts = location.pathname.split('/')
  var names = ['href', 'action', 'data-search-root']
  var links = []
  var nodes = document.querySelectorAll('[href], [action], [data-search-root]')
  var roots = []
  var i, j, value, root
  for (i = 0; i < nodes.length; i++) {
    for (j = 0; j < names.length; j++) {
      value = nodes[i].getAttribute(names[j])
      if (value && value.charAt(0) === '/' && value.charAt(1) !== '/') links.push([nodes[i], names[j], value.slice(1)])
    }
  }
  function use(root) {
    for (var k = 0; k < links.length; k++) links[k][0].setAttribute(links[k][1], root + links[k][2])
  }
  for (i = 1; i < parts.length; i++) {
    if (folders.indexOf(parts[i]) >= 0) {
      roots.push(parts.slice(0, i).join('/') + '/')
      use(roots[0])
      break
    }
  }
  for (i = parts.length - 1; i >= 1; i--) {
    root = parts.slice(0, i).join('/') + '/'
    if (roots.indexOf(root) < 0) roots.push(root)
  }
  if (!window.fetch || !window.Promise) return
  Promise.all(roots.map(function (root) {
    return fetch(root + 'search/meta.json', {method: 'HEAD'}).then(function (response) { return response.ok }, function () { return false })
  })).then(function (answers) {
    var first = answers.indexOf(true)
    if (first >= 0) use(roots[first])
  })
})()`

/**
 * The 404 page's head: its root (a base URL's path, else `/`), no canonical URL, and without a
 * base URL what makes it stand alone. `pageUrls` are the site's page URLs, whose first folders the
 * script may cut an address at; `templates` give the stylesheet and the assets' folders.
 */
export function notFoundHead(config: SiteConfig, head: PageHead, templates: Templates, pageUrls: Iterable<string>): PageHead & {standalone: Standalone | null} {
  if (config.baseUrl !== null) return {...head, root: new URL(config.baseUrl).pathname, canonical: null, standalone: null}
  const folders = new Set<string>()
  const add = (path: string) => {
    const slash = path.indexOf('/')
    if (slash > 0) folders.add(path.slice(0, slash))
  }
  for (const url of pageUrls) add(url)
  for (const name of Object.keys(templates)) if (typeof templates[name] !== 'string') add(name)
  const css = templates['assets/style.css']
  // Nothing in a stylesheet may end the <style> element it is inlined in.
  const style = typeof css === 'object' ? new TextDecoder().decode(css).replace(/<\/(style)/gi, '<\\/$1') : ''
  return {...head, root: '/', canonical: null, standalone: {style, folders: [...folders].sort().join(' '), script: NOT_FOUND_SCRIPT}}
}
