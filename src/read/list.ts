// The files of a content folder, found recursively. Only regular files with an article extension are
// read; symlinks are refused so a content folder cannot pull in files from elsewhere on the machine.
import {lstat, readdir} from 'node:fs/promises'
import path from 'node:path'
import {byCodeUnit} from '../text/compare.ts'

export interface Skipped {
  source: string
  reason: string
}

export interface ContentListing {
  /** Paths relative to the folder, `/`-separated, sorted by code unit so every machine agrees. */
  files: string[]
  skipped: Skipped[]
}

export const SKIP_HIDDEN = 'hidden'
export const SKIP_BACKUP = 'editor backup'
export const SKIP_SYMLINK = 'symlink refused'
export const SKIP_SPECIAL = 'not a regular file'
export const SKIP_UNREADABLE = 'cannot be read'
export const SKIP_EXTENSION = 'not an article file (.txt, .md, .eml or no extension)'

/** `.eml` is a saved e-mail (a newsletter, a post), read as a story (parse/email.ts). */
const ARTICLE_EXTENSIONS = new Set(['', '.txt', '.md', '.markdown', '.eml'])

export async function listContentFiles(dir: string): Promise<ContentListing> {
  const files: string[] = []
  const skipped: Skipped[] = []
  const unreadable = (rel: string, error: unknown): [] => {
    skipped.push({source: rel, reason: `${SKIP_UNREADABLE} (${(error as NodeJS.ErrnoException).code ?? String(error)})`})
    return []
  }
  // An explicit stack rather than recursion: a deep folder tree cannot overflow the call stack.
  const pending: string[] = ['']
  while (pending.length > 0) {
    const relDir = pending.pop() as string
    // The content folder itself must be readable; a subfolder that is not is one skipped entry.
    // Entries carry their type, so 10,000 files cost a few readdir calls, not 10,000 lstat calls.
    const entries = relDir === '' ? await readdir(dir, {withFileTypes: true}) : await readdir(path.join(dir, relDir), {withFileTypes: true}).catch((error: unknown) => unreadable(relDir, error))
    for (const entry of entries) {
      const name = entry.name
      const rel = relDir === '' ? name : `${relDir}/${name}`
      const reason = nameReason(name)
      if (reason !== null) {
        skipped.push({source: rel, reason})
        continue
      }
      // A name that is not valid UTF-8 comes back from readdir with U+FFFD in it and can no
      // longer be opened; it is reported, not allowed to stop the build.
      if (name.includes('\ufffd')) {
        const stats = await lstat(path.join(dir, rel)).catch((error: unknown) => unreadable(rel, error))
        if (Array.isArray(stats)) continue
      }
      if (entry.isSymbolicLink()) skipped.push({source: rel, reason: SKIP_SYMLINK})
      else if (entry.isDirectory()) pending.push(rel)
      else if (!entry.isFile()) skipped.push({source: rel, reason: SKIP_SPECIAL})
      else if (!ARTICLE_EXTENSIONS.has(path.extname(name).toLowerCase())) skipped.push({source: rel, reason: SKIP_EXTENSION})
      else files.push(rel)
    }
  }
  return {files: files.sort(byCodeUnit), skipped: skipped.sort((a, b) => byCodeUnit(a.source, b.source))}
}

function nameReason(name: string): string | null {
  if (name.startsWith('.')) return SKIP_HIDDEN
  if (name.endsWith('~') || /\.sw[op]$/i.test(name) || (name.startsWith('#') && name.endsWith('#'))) return SKIP_BACKUP
  return null
}
