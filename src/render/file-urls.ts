// `fileUrls` (`build --file-urls`): links that name a page's folder name its `index.html`, so that
// the output folder works opened from disk, where a browser shows a folder as a listing and never
// looks for its index.html. Done in one place, on each rendered page, rather than in every template
// that writes `{{ root }}{{ x.url }}`: it holds for a site's own templates too.

/** `../tags/x/` → `../tags/x/index.html`, `./` → `./index.html`, `../tags/page/2/#p-a` → `../tags/page/2/index.html#p-a`. */
export function fileHref(href: string): string {
  // Only relative links: a scheme (`https:`, `mailto:`), a root-relative or same-page link is left as it is.
  if (href === '' || href.startsWith('#') || href.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(href)) return href
  // The path ends at `?` or `#`; an escaped `&#39;` is a character of it.
  const end = href.search(/\?|(?<!&)#/)
  const path = end === -1 ? href : href.slice(0, end)
  const rest = end === -1 ? '' : href.slice(end)
  if (path.endsWith('/')) return `${path}index.html${rest}`
  if (path === '.' || path === '..' || path.endsWith('/..')) return `${path}/index.html${rest}`
  return href
}

// A start tag, its quoted values whole; text holds no `<` before a letter, which is always escaped.
const START_TAG = /<[a-zA-Z](?:[^>"']|"[^"]*"|'[^']*')*>/g
// In a tag: the templates write attributes in double quotes, whose values LiquidJS escapes.
const LINK_ATTRIBUTE = /(\s(?:href|action)=")([^"]*)"/g

/**
 * A page's HTML with every `href` and `action` attribute made a file URL. Only inside tags: a
 * story's text may read `href="x/"`, and stays as written.
 */
export function withFileUrls(html: string): string {
  return html.replace(START_TAG, (tag) => tag.replace(LINK_ATTRIBUTE, (_, attribute: string, value: string) => `${attribute}${fileHref(value)}"`))
}
