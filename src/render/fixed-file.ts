import type {PendingFile} from '../model/types.ts'

/** A file whose content is already made: cheaper to compare by its bytes than to key. */
export function fixedFile(path: string, content: string | Uint8Array): PendingFile {
  return {path, key: null, render: () => content}
}

/** A file made only when it is written: a feed or a sitemap costs nothing to a thread that skips it. */
export function lazyFile(path: string, make: () => string | Uint8Array): PendingFile {
  return {path, key: null, render: make}
}
