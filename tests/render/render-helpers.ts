// Helpers for reading rendered output in tests.
import type {OutputFile, Templates} from '../../src/model/types.ts'
import type {SiteWithBodies} from '../../src/model/site.ts'
import {sitePages} from '../../src/render/site.ts'
import {searchIndexFiles} from '../../src/search/index.ts'
import {loadTemplates} from './site-fixture.ts'

/** Every file of the site, rendered: its pages, then its search index, as a build writes them. */
export function* renderSite({site, bodies}: SiteWithBodies, templates: Templates): Generator<OutputFile> {
  for (const file of sitePages(site, bodies, templates)) yield {path: file.path, content: file.render()}
  for (const file of searchIndexFiles(site, bodies)) yield {path: file.path, content: file.render()}
}

const templates = loadTemplates()

export function renderAll(built: SiteWithBodies): Map<string, string> {
  const files = new Map<string, string>()
  for (const file of renderSite(built, templates)) {
    if (files.has(file.path)) throw new Error(`yielded twice: ${file.path}`)
    files.set(file.path, text(file))
  }
  return files
}

export function text(file: OutputFile): string {
  return typeof file.content === 'string' ? file.content : new TextDecoder().decode(file.content)
}

export function get(files: Map<string, string>, path: string): string {
  const found = files.get(path)
  if (found === undefined) throw new Error(`not generated: ${path}\n${[...files.keys()].join('\n')}`)
  return found
}

/** Every href and src value, entities decoded as an HTML parser would. */
export function links(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => decodeEntities(m[1]!))
}

export function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
}

/** The output file a relative link from `fromPath` lands on, or null for external links. */
export function resolveLink(fromPath: string, href: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#')) return null
  const url = new URL(href, `http://site.invalid/${fromPath}`)
  if (url.host !== 'site.invalid') return null
  const path = decodeURIComponent(url.pathname.slice(1))
  return path === '' || path.endsWith('/') ? `${path}index.html` : path
}
