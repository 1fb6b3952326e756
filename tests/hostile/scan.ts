// Reads a built site the way a browser or a feed reader would, and lists every place where text
// from content could run as script: script elements, event-handler attributes, script URLs,
// frames and plugins. HTML is parsed with parse5 (the WHATWG algorithm), so escaped text such as
// `&lt;script` is text, and a broken-out attribute is an attribute.
import {lstatSync, readdirSync, readFileSync, type Stats} from 'node:fs'
import path from 'node:path'
import {parse, parseFragment, type DefaultTreeAdapterTypes as T} from 'parse5'
import {xml2js, type Element as XmlElement} from 'xml-js'
import {NOT_FOUND_SCRIPT} from '../../src/render/not-found.ts'

/** The site's own scripts, exactly: the JSON-LD block of story pages, the search script and the 404 page's. */
const JSON_LD = 'application/ld+json'
const SEARCH_SCRIPT = /^(?:\.\/|(?:\.\.\/)+)?assets\/search\.js$/

const URL_ATTRIBUTES = new Set([
  'href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'data', 'background', 'cite', 'ping',
  'manifest', 'codebase', 'longdesc', 'usemap', 'lowsrc', 'dynsrc', 'icon'
])
const ACTIVE_ELEMENTS = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'svg', 'math', 'portal', 'style', 'link', 'meta'])
/** `link`, `meta` and `style` are the templates' own in a page's head; anywhere else they come from content. */
const HEAD_ONLY = new Set(['link', 'meta', 'style'])

/** The 404 page links the script from the base URL's path (it is served at any depth); other pages relatively. */
function ownScript(src: string, baseUrl: string | null): boolean {
  return SEARCH_SCRIPT.test(src) || (baseUrl !== null && src === `${new URL(baseUrl).pathname}assets/search.js`)
}

/**
 * The 404 page of a site without a base URL finds the site's root with an inline script: exactly
 * Broadsheet's own, given the site's folder names (slugs and years) and nothing else.
 */
function notFoundScript(file: string, attrs: Map<string, string>, text: string): boolean {
  const folders = attrs.get('data-site-folders')
  return /(^|\/)404\.html$/.test(file) && attrs.size === 1 && folders !== undefined && /^[a-z0-9 -]*$/.test(folders) && text === NOT_FOUND_SCRIPT
}

export interface Problem {
  file: string
  what: string
}

/** A URL's scheme as a browser reads it: C0 controls and spaces removed first (`jav\tascript:`). */
export function urlScheme(value: string): string | null {
  const squeezed = value.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase()
  const match = /^([a-z][a-z0-9+.-]*):/.exec(squeezed)
  return match ? match[1]! : null
}

export function dangerousUrl(value: string): boolean {
  const scheme = urlScheme(value)
  return scheme === 'javascript' || scheme === 'vbscript' || scheme === 'data' || scheme === 'livescript'
}

function isElement(node: T.ChildNode | T.Node): node is T.Element {
  return 'tagName' in node
}

function* elements(node: T.ParentNode): Generator<T.Element> {
  for (const child of node.childNodes) {
    if (!isElement(child)) continue
    yield child
    yield* elements(child)
    if (child.tagName === 'template') yield* elements((child as T.Template).content)
  }
}

function textOf(element: T.Element): string {
  return element.childNodes.map((n) => ('value' in n && n.nodeName === '#text' ? n.value : '')).join('')
}

/**
 * Problems in one HTML document. `page` true: a page of the site, where the allow-listed scripts
 * and the head's own link/meta elements may appear; false: HTML from content (a feed's body),
 * where no script, frame or head element may appear at all.
 */
export function htmlProblems(file: string, html: string, page: boolean, baseUrl: string | null = null): {problems: Problem[]; scripts: number} {
  const problems: Problem[] = []
  const root = page ? parse(html) : parseFragment(html)
  let scripts = 0
  const flag = (what: string) => problems.push({file, what})
  for (const element of elements(root)) {
    const name = element.tagName
    const attrs = new Map(element.attrs.map((a) => [a.prefix ? `${a.prefix}:${a.name}` : a.name, a.value]))
    if (name === 'script') {
      const type = attrs.get('type')
      const src = attrs.get('src')
      if (page && type === JSON_LD && src === undefined) {
        const raw = textOf(element)
        // The block must be JSON whose text cannot end the element or open a comment.
        if (/[<>]/.test(raw)) flag(`JSON-LD holds a raw < or >: ${raw.slice(0, 80)}`)
        try {
          JSON.parse(raw)
        } catch {
          flag(`JSON-LD is not JSON: ${raw.slice(0, 80)}`)
        }
        scripts++
      } else if (page && type === 'module' && src !== undefined && ownScript(src, baseUrl) && textOf(element) === '' && attrs.size === 2) {
        scripts++
      } else if (page && notFoundScript(file, attrs, textOf(element))) {
        scripts++
      } else {
        flag(`<script ${[...attrs].map(([k, v]) => `${k}="${v}"`).join(' ')}>${textOf(element).slice(0, 80)}`)
      }
    }
    if (ACTIVE_ELEMENTS.has(name) && !(page && HEAD_ONLY.has(name) && element.parentNode !== null && isElement(element.parentNode) && element.parentNode.tagName === 'head')) {
      flag(`<${name}> element`)
    }
    if (name === 'meta' && attrs.has('http-equiv')) flag(`<meta http-equiv="${attrs.get('http-equiv')}">`)
    for (const [attr, value] of attrs) {
      if (attr.startsWith('on')) flag(`<${name} ${attr}="${value.slice(0, 60)}">`)
      if (attr === 'srcdoc') flag(`<${name} srcdoc>`)
      if (URL_ATTRIBUTES.has(attr) && dangerousUrl(value)) flag(`<${name} ${attr}="${value.slice(0, 60)}">`)
      if (attr === 'srcset' && value.split(',').some((part) => dangerousUrl(part.trim()))) flag(`<${name} srcset="${value.slice(0, 60)}">`)
      if (attr === 'style' && /expression\s*\(|javascript:|url\s*\(/i.test(value)) flag(`<${name} style="${value.slice(0, 60)}">`)
    }
  }
  return {problems, scripts}
}

type XmlNode = XmlElement

function* xmlElements(node: XmlNode): Generator<XmlNode> {
  for (const child of node.elements ?? []) {
    if (child.type !== 'element') continue
    yield child
    yield* xmlElements(child)
  }
}

function xmlText(node: XmlNode): string {
  return (node.elements ?? []).map((n) => (n.type === 'text' ? String(n.text) : n.type === 'cdata' ? String(n.cdata) : '')).join('')
}

/**
 * An RSS or Atom feed (or the sitemap): well-formed XML, no element or attribute that a browser
 * viewing the file would run, and every field a reader renders as HTML free of script.
 */
export function xmlProblems(file: string, xml: string): Problem[] {
  const problems: Problem[] = []
  let root: XmlNode
  try {
    root = xml2js(xml, {compact: false}) as XmlNode
  } catch (error) {
    return [{file, what: `not well-formed XML: ${(error as Error).message.split('\n')[0]}`}]
  }
  const isAtom = /<feed\b[^>]*xmlns="http:\/\/www\.w3\.org\/2005\/Atom"/.test(xml)
  for (const element of xmlElements(root)) {
    const name = element.name ?? ''
    const attrs = element.attributes ?? {}
    if (/(^|:)script$/i.test(name)) problems.push({file, what: `<${name}> element in XML`})
    for (const [attr, value] of Object.entries(attrs)) {
      if (/^xmlns(:|$)/.test(attr) && /xhtml|svg|MathML/i.test(String(value))) problems.push({file, what: `${attr}="${value}" in XML`})
      if (attr.toLowerCase().startsWith('on')) problems.push({file, what: `${attr} attribute in XML`})
      if ((attr === 'href' || attr === 'src') && dangerousUrl(String(value))) problems.push({file, what: `${attr}="${value}" in XML`})
    }
    if (['link', 'loc', 'uri', 'guid', 'id', 'url'].includes(name) && dangerousUrl(xmlText(element))) {
      problems.push({file, what: `<${name}>${xmlText(element)}</${name}>`})
    }
    // Where feed readers read markup: RSS description and content, Atom text constructs of type html.
    const html = isAtom ? attrs['type'] === 'html' : name === 'description' || name === 'content:encoded'
    if (attrs['type'] === 'xhtml') problems.push({file, what: `<${name} type="xhtml">`})
    if (html) problems.push(...htmlProblems(`${file} <${name}>`, xmlText(element), false).problems)
  }
  return problems
}

/** JSON outputs: JSON Feed (`*_html` fields are HTML, `*url` fields are links) and the search index. */
export function jsonProblems(file: string, text: string): Problem[] {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    return [{file, what: `not JSON: ${(error as Error).message}`}]
  }
  const problems: Problem[] = []
  const visit = (value: unknown, key: string): void => {
    if (Array.isArray(value)) value.forEach((v) => visit(v, key))
    else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, k)
    else if (typeof value === 'string') {
      if (key.endsWith('_html')) problems.push(...htmlProblems(`${file} ${key}`, value, false).problems)
      if ((key === 'url' || key.endsWith('_url') || key === 'href') && dangerousUrl(value)) problems.push({file, what: `${key}: ${value}`})
    }
  }
  visit(data, '')
  // A search result, one file a story (search/docs/<folder>/<story>.json), is [url, headline, date,
  // dateText, excerpt]; the url becomes a link's href.
  if (/(^|\/)search\/docs\/\d+\/\d+\.json$/.test(file)) {
    const url = Array.isArray(data) ? (data as unknown[])[0] : undefined
    if (typeof url !== 'string' || urlScheme(url) !== null || url.startsWith('/') || url.split('/').includes('..')) {
      problems.push({file, what: `search result url ${JSON.stringify(url)}`})
    }
  }
  return problems
}

/**
 * Every entry under `dir`, relative, `/`-separated, with its lstat (undefined for a name that is not
 * valid UTF-8: it comes back mangled and cannot be stat'ed, but is still an entry found). Symlinks
 * are listed, never followed.
 */
function* entries(dir: string): Generator<{rel: string; stats: Stats | undefined}> {
  const pending = ['']
  while (pending.length > 0) {
    const rel = pending.pop()!
    for (const name of readdirSync(path.join(dir, rel))) {
      const child = rel === '' ? name : `${rel}/${name}`
      const stats = lstatSync(path.join(dir, child), {throwIfNoEntry: false})
      if (stats?.isDirectory()) pending.push(child)
      yield {rel: child, stats}
    }
  }
}

/** Every file under `dir`, relative, `/`-separated; symlinks are listed, never followed. */
export function walk(dir: string): string[] {
  const out: string[] = []
  for (const {rel, stats} of entries(dir)) if (!stats?.isDirectory()) out.push(rel)
  return out.sort()
}

/** Every folder and file under `dir` with its size (folders as `/`), for before/after comparison. */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const {rel, stats} of entries(dir)) {
    if (stats?.isDirectory()) out.set(`${rel}/`, 'dir')
    else out.set(rel, stats ? `${stats.size}:${stats.mtimeMs}` : 'unreadable name')
  }
  return out
}

/** Every problem in a built site; `scripts` counts the allow-listed script elements seen. */
export function scanSite(out: string, baseUrl: string | null = null): {problems: Problem[]; files: string[]; scripts: number} {
  const problems: Problem[] = []
  let scripts = 0
  const files = walk(out)
  for (const file of files) {
    const text = readFileSync(path.join(out, file), 'utf8')
    if (file.endsWith('.html')) {
      const result = htmlProblems(file, text, true, baseUrl)
      problems.push(...result.problems)
      scripts += result.scripts
      // The naive search, kept as a second opinion: in a page every literal `<script` must be one
      // of the allow-listed elements parse5 found (escaped text reads `&lt;script`).
      const literal = text.match(/<script/gi)?.length ?? 0
      if (literal !== result.scripts) problems.push({file, what: `${literal} literal "<script" but ${result.scripts} allowed script elements`})
    } else if (file.endsWith('.xml')) problems.push(...xmlProblems(file, text))
    else if (file.endsWith('.json')) problems.push(...jsonProblems(file, text))
    // The site's own assets are code, where NaN is a word; everything else is made from content.
    if (/NaN|Invalid Date/.test(file) || (!file.startsWith('assets/') && /\bNaN\b|Invalid Date/.test(text))) {
      problems.push({file, what: 'NaN or Invalid Date'})
    }
  }
  return {problems, files, scripts}
}
