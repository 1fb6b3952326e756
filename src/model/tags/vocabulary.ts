// The alias table and stop list in force for one build: the built-in ones plus
// `tags.aliases` and `tags.stop` from the configuration, which win over the built-ins.
import {own} from '../own-copy.ts'
import type {TagsConfig} from '../types.ts'
import {BUILT_IN, type EntityKind} from './aliases.ts'
import {foldKey} from './fold.ts'
import type {Vocabulary} from './mentions.ts'
import {isBuiltInStop} from './stop.ts'

interface Entry {
  name: string
  kind: EntityKind | null
  /** For acronyms (`US`, `WHO`): the letters that must match exactly, so `Us`/`Who` do not. */
  exact: string | null
}

export function createVocabulary(config: Pick<TagsConfig, 'aliases' | 'stop'>): Vocabulary {
  const entries = new Map<string, Entry[]>()
  const kinds = new Map<string, EntityKind>()
  for (const [spelling, canonical] of BUILT_IN) {
    add(entries, spelling, {name: canonical.name, kind: canonical.kind, exact: acronym(spelling)})
    kinds.set(foldKey(canonical.name), canonical.kind)
  }
  const configured = new Map<string, Entry[]>()
  for (const [spelling, name] of Object.entries(config.aliases)) {
    const kind = kinds.get(foldKey(name)) ?? null
    add(configured, spelling, {name, kind, exact: null})
    // A configured canonical name is its own spelling, so its folded key leads to it too.
    if (!configured.has(foldKey(name))) add(configured, name, {name, kind, exact: null})
  }
  for (const [key, list] of configured) entries.set(key, list)
  const stop = new Set(config.stop.map(foldKey))
  const names = new Map<string, string>()
  return {
    canonical(spelling) {
      const list = entries.get(foldKey(spelling))
      if (list === undefined) return null
      const letters = spelling.replace(/\./g, '')
      const entry = list.find((e) => e.exact === null || e.exact === letters)
      return entry === undefined ? null : {name: entry.name, kind: entry.kind}
    },
    stopped: (key) => stop.has(key) || isBuiltInStop(key),
    shared(name) {
      let kept = names.get(name)
      if (kept === undefined) {
        kept = own(name)
        names.set(kept, kept)
      }
      return kept
    }
  }
}

function add(map: Map<string, Entry[]>, spelling: string, entry: Entry): void {
  const key = foldKey(spelling)
  map.set(key, [...(map.get(key) ?? []), entry])
}

function acronym(spelling: string): string | null {
  const letters = spelling.replace(/\./g, '')
  return /^\p{Lu}{2,5}$/u.test(letters) ? letters : null
}
