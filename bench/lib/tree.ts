// Counting and comparing built output folders.
import {createHash} from 'node:crypto'
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'

/** Every file under `root`, as sorted `/`-separated relative paths. */
export function listFiles(root: string): string[] {
  const out: string[] = []
  const walk = (dir: string, prefix: string): void => {
    for (const entry of readdirSync(dir, {withFileTypes: true})) {
      const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`
      if (entry.isDirectory()) walk(path.join(dir, entry.name), rel)
      else out.push(rel)
    }
  }
  walk(root, '')
  return out.sort()
}

export interface OutputCounts {
  files: number
  html: number
  /**
   * `index.html` under a year folder whose own folder is neither a number nor a `page/N` step:
   * `2022/11/08/<slug>/` (Broadsheet) and `2022/11/<name>/` (peers), not day or month archives.
   */
  storyPages: number
  /** HTML pages under `tags/`. */
  tagPages: number
  home: boolean
}

export function countOutput(root: string): OutputCounts {
  const files = listFiles(root)
  const html = files.filter(f => f.endsWith('.html'))
  return {
    files: files.length,
    html: html.length,
    storyPages: html.filter(f => /^\d{4}\/(?:[^/]+\/)*[^/]*[^\d/][^/]*\/index\.html$/.test(f) && !f.includes('/page/')).length,
    // Hugo also writes tags/x/page/1/ as a redirect to tags/x/; that is not a page of its own.
    tagPages: html.filter(f => f.startsWith('tags/') && !f.endsWith('/page/1/index.html')).length,
    home: files.includes('index.html'),
  }
}

/** Paths that differ between two trees (missing on one side or different bytes); empty when identical. */
export function diffTrees(a: string, b: string): string[] {
  const hash = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex')
  const left = new Set(listFiles(a))
  const right = new Set(listFiles(b))
  const differ: string[] = []
  for (const file of left) {
    if (!right.has(file)) differ.push(`only in ${a}: ${file}`)
    else if (hash(path.join(a, file)) !== hash(path.join(b, file))) differ.push(`differs: ${file}`)
  }
  for (const file of right) if (!left.has(file)) differ.push(`only in ${b}: ${file}`)
  return differ
}
