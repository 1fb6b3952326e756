// The template folder as a map of relative path → content, for the renderer's in-memory Liquid.
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Templates} from '../model/types.ts'

/** Broadsheet's own templates, used when a site has no `templates/` folder. */
export const bundledTemplates = fileURLToPath(new URL('../../templates/', import.meta.url))

export function readTemplates(dir: string): Templates {
  const templates: Templates = {}
  walk(dir, '')
  return templates

  function walk(absolute: string, relative: string): void {
    const entries = readdirSync(absolute, {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : 1))
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue
      const rel = relative ? `${relative}/${entry.name}` : entry.name
      const file = path.join(absolute, entry.name)
      if (entry.isDirectory()) walk(file, rel)
      // Assets are copied byte for byte: a logo or a font read as UTF-8 would come out mangled.
      else if (entry.isFile()) templates[rel] = isAsset(rel) ? new Uint8Array(readFileSync(file)) : readFileSync(file, 'utf8')
    }
  }
}

/** Files under `assets/` are copied to the output as they are; everything else is a Liquid template. */
function isAsset(name: string): boolean {
  return name.startsWith('assets/')
}
