// Output paths, the relative `root` prefix of each page, and page-number navigation.

/** `2022/11/08/slug/` → `2022/11/08/slug/index.html`; the home URL is the empty string. */
export function fileFor(url: string): string {
  return `${url}index.html`
}

/** The prefix that leads from a file back to the site root: `../../` for `tags/x/index.html`. */
export function rootFor(path: string): string {
  const depth = path.split('/').length - 1
  return depth === 0 ? './' : '../'.repeat(depth)
}

/** Page 1 of a list is the list's own URL; page n lives at `<list>page/n/`. */
export function pageUrl(listUrl: string, page: number): string {
  return page === 1 ? listUrl : `${listUrl}page/${page}/`
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const pages: T[][] = []
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size))
  return pages.length === 0 ? [[]] : pages
}

export interface PageNumber {
  /** null marks a gap (…) between page numbers. */
  number: number | null
  href: string | null
  current: boolean
}

export interface PaginationView {
  current: number
  total: number
  prev: string | null
  next: string | null
  pages: PageNumber[]
}

// First, last and two either side of the current page: a 500-page tag still gets a short bar.
const WINDOW = 2

export function paginationView(listUrl: string, current: number, total: number, root: string): PaginationView | null {
  if (total <= 1) return null
  const href = (n: number) => root + pageUrl(listUrl, n)
  const pages: PageNumber[] = []
  let previous = 0
  for (let n = 1; n <= total; n++) {
    if (n !== 1 && n !== total && Math.abs(n - current) > WINDOW) continue
    if (n - previous > 1) pages.push({number: null, href: null, current: false})
    pages.push({number: n, href: n === current ? null : href(n), current: n === current})
    previous = n
  }
  return {
    current,
    total,
    prev: current > 1 ? href(current - 1) : null,
    next: current < total ? href(current + 1) : null,
    pages
  }
}
