// Reads one content file: size-checked before reading, hashed (for the build cache), decoded.
import {createHash} from 'node:crypto'
import {open} from 'node:fs/promises'
import type {Diagnostic} from '../model/types.ts'
import {decode} from './decode.ts'
import {stampOf} from './stamp.ts'

export type ContentFile = {text: string; diagnostics: Diagnostic[]; hash: string; stamp: string} | {error: Diagnostic}

const CHUNK = 64 * 1024

/**
 * `displayPath` is how the caller names the file to people; diagnostics carry only lines, so it is
 * kept for symmetry with the callers' printing and not repeated inside messages.
 */
export async function readContentFile(absPath: string, displayPath: string, maxFileBytes: number): Promise<ContentFile> {
  void displayPath
  let handle
  try {
    handle = await open(absPath, 'r')
  } catch (error) {
    return {error: fileError(`cannot read the file: ${reason(error)}`)}
  }
  try {
    const stats = await handle.stat({bigint: true})
    if (stats.isDirectory()) return {error: fileError('is a folder, not a file')}
    if (!stats.isFile()) return {error: fileError('is not a regular file')}
    if (stats.size > maxFileBytes) return {error: tooLarge(Number(stats.size), maxFileBytes)}
    // Read in chunks up to the limit: the file may have grown since stat, and must not be read whole.
    const chunks: Buffer[] = []
    let total = 0
    for (;;) {
      const {bytesRead, buffer} = await handle.read({buffer: Buffer.alloc(CHUNK), position: total})
      if (bytesRead === 0) break
      total += bytesRead
      if (total > maxFileBytes) return {error: tooLarge(total, maxFileBytes)}
      chunks.push(buffer.subarray(0, bytesRead))
    }
    const bytes = Buffer.concat(chunks, total)
    const hash = createHash('sha256').update(bytes).digest('hex')
    return {...decode(bytes), hash, stamp: stampOf(stats)}
  } catch (error) {
    return {error: fileError(`cannot read the file: ${reason(error)}`)}
  } finally {
    await handle.close()
  }
}

function tooLarge(size: number, max: number): Diagnostic {
  return fileError(`file is too large to be an article: ${size} bytes or more (the limit is ${max} bytes)`)
}

function fileError(message: string): Diagnostic {
  return {severity: 'error', line: 0, message}
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT') return 'no such file'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  if (code === 'EISDIR') return 'is a folder, not a file'
  return error instanceof Error ? error.message : String(error)
}
