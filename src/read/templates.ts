// The template folder as a map of relative path → text, for the renderer's in-memory Liquid.
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

/** Broadsheet's own templates, used when a site has no `templates/` folder. */
export const bundledTemplates = fileURLToPath(new URL('../../templates/', import.meta.url))

export function readTemplates(dir: string): Record<string, string> {
  const templates: Record<string, string> = {}
  walk(dir, '')
  return templates

  function walk(absolute: string, relative: string): void {
    const entries = readdirSync(absolute, {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : 1))
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue
      const rel = relative ? `${relative}/${entry.name}` : entry.name
      if (entry.isDirectory()) walk(path.join(absolute, entry.name), rel)
      else if (entry.isFile()) templates[rel] = readFileSync(path.join(absolute, entry.name), 'utf8')
    }
  }
}
