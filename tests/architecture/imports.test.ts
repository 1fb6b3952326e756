// The layout's rules (ARCHITECTURE.md), checked on every import of src/, type-only ones included.
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'

const src = fileURLToPath(new URL('../../src/', import.meta.url))

/** Each module of src/ (path relative to src/) with the modules of src/ and the bare specifiers it imports. */
function importGraph(): Map<string, {local: string[]; bare: string[]}> {
  const graph = new Map<string, {local: string[]; bare: string[]}>()
  const files = (readdirSync(src, {recursive: true}) as string[]).filter((file) => /\.[jt]s$/.test(file)).map((file) => file.split(path.sep).join('/'))
  for (const file of files) {
    const text = readFileSync(path.join(src, file), 'utf8')
    const local: string[] = []
    const bare: string[] = []
    for (const match of text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'|^\s*import\s+'([^']+)'|import\('([^']+)'\)/gm)) {
      const specifier = (match[1] ?? match[2] ?? match[3])!
      if (specifier.startsWith('.')) local.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)))
      else bare.push(specifier)
    }
    graph.set(file, {local, bare})
  }
  return graph
}

const folderOf = (file: string) => (file.includes('/') ? file.slice(0, file.indexOf('/')) : file)

describe('the layout of src/', () => {
  const graph = importGraph()

  it('has no import cycle', () => {
    const cycles: string[] = []
    const state = new Map<string, 'open' | 'done'>()
    const visit = (file: string, trail: string[]): void => {
      if (state.get(file) === 'done') return
      if (state.get(file) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].join(' → '))
        return
      }
      state.set(file, 'open')
      for (const next of graph.get(file)?.local ?? []) visit(next, [...trail, file])
      state.set(file, 'done')
    }
    for (const file of graph.keys()) visit(file, [])
    expect(cycles).toEqual([])
  })

  it('keeps cache/ to storage: it imports Node, model/ types and disk/ only', () => {
    const wrong: string[] = []
    for (const [file, {local, bare}] of graph) {
      if (folderOf(file) !== 'cache') continue
      for (const target of local) if (!['cache', 'model', 'disk'].includes(folderOf(target))) wrong.push(`${file} → ${target}`)
      for (const specifier of bare) if (!specifier.startsWith('node:')) wrong.push(`${file} → ${specifier}`)
      const text = readFileSync(path.join(src, file), 'utf8')
      for (const match of text.matchAll(/^import\s+(?!type\b)[^'"]*from\s+'(\.\.\/model\/[^']+)'/gm)) wrong.push(`${file} → ${match[1]} (not a type import)`)
    }
    expect(wrong).toEqual([])
  })

  it('keeps render/ and search/ apart from build/ and cache/', () => {
    const wrong: string[] = []
    for (const [file, {local}] of graph) {
      if (!['render', 'search'].includes(folderOf(file))) continue
      for (const target of local) if (['build', 'cache', 'threads', 'write', 'cli'].includes(folderOf(target))) wrong.push(`${file} → ${target}`)
    }
    expect(wrong).toEqual([])
  })

  // An e-mail's parts are decoded as a content file is (bytes to text, pure): the one import up.
  const PURE_READ = ['read/decode.ts']

  it('keeps model/, parse/ and text/ below everything that reads, renders or writes', () => {
    const wrong: string[] = []
    for (const [file, {local}] of graph) {
      if (!['model', 'parse', 'text'].includes(folderOf(file))) continue
      for (const target of local) if (!['model', 'parse', 'text'].includes(folderOf(target)) && !PURE_READ.includes(target)) wrong.push(`${file} → ${target}`)
    }
    expect(wrong).toEqual([])
  })
})
