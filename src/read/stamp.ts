// A file's stamp: size, modification time to the nanosecond, and inode. A file whose stamp is what
// it was at the last build is taken to hold the same bytes, as make and git take it, so a cached
// build need not read 10,000 unchanged files to learn that they are unchanged.
import type {BigIntStats} from 'node:fs'
import {stat} from 'node:fs/promises'

/** null when the file cannot be stat'ed; reading it will then say why. */
export async function fileStamp(absPath: string): Promise<{stamp: string; size: number} | null> {
  try {
    const stats = await stat(absPath, {bigint: true})
    return {stamp: stampOf(stats), size: Number(stats.size)}
  } catch {
    return null
  }
}

export function stampOf(stats: BigIntStats): string {
  return `${stats.size}:${stats.mtimeNs}:${stats.ino}`
}
