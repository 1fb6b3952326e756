// Which section a story is in: its front matter's `section`, else its first folder under the content
// folder that is not a date (`business/001.txt`, `2024/03/business/x.txt` → business), as the config's
// `sections` maps, renames, orders and hides them. Pure: a source path and a config in, a name out.
import {slugify} from './slug.ts'
import type {SectionConfig} from './types.ts'

export interface SectionChoice {
  name: string
  slug: string
  hidden: boolean
  /** Place in the section bar: configured sections first, in their order, then the rest A to Z. */
  rank: number
}

/**
 * A resolver for one config: `(section from front matter or null, source path) → section or null`,
 * for sources that are paths in `contentFolder`.
 */
export function sectionResolver(configured: readonly SectionConfig[], contentFolder = ''): (front: string | null, source: string) => SectionChoice | null {
  const bySlug = new Map<string, SectionChoice>()
  configured.forEach((section, rank) => {
    const choice = {name: section.name, slug: slugify(section.name), hidden: section.hidden, rank}
    for (const from of [section.name, ...section.from]) if (!bySlug.has(slugify(from))) bySlug.set(slugify(from), choice)
  })
  return (front, source) => {
    const raw = front ?? folderOf(relativeTo(contentFolder, source))
    if (raw === null) return null
    const slug = slugify(raw)
    if (slug === '') return null
    // Folders the config does not name rank after the named ones; ties (all of them) go A to Z by name.
    return bySlug.get(slug) ?? {name: folderName(raw), slug, hidden: false, rank: configured.length}
  }
}

/** `content/business/001.txt` in `content` (or `./content/`) → `business/001.txt`; separators as `/`. */
export function relativeTo(folder: string, source: string): string {
  const slash = (p: string) => p.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '')
  const prefix = slash(folder).replace(/\/+$/, '')
  const path = slash(source)
  return prefix !== '' && prefix !== '.' && path.startsWith(`${prefix}/`) ? path.slice(prefix.length + 1) : path
}

/** The first folder of a content-relative path that is not a date part (`2024`, `03`), or null. */
export function folderOf(source: string): string | null {
  const parts = source.split('/').slice(0, -1)
  return parts.find((part) => !/^\d+$/.test(part)) ?? null
}

/** `business` → `Business`, `uk-politics` → `Uk politics`: a folder as a heading, when the config gives no name. */
function folderName(folder: string): string {
  const words = folder.trim().replace(/[-_]+/g, ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}
