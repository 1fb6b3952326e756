// Broadsheet's own version for cache keys: the hash of its source (disk/source-hash.js), so a cache
// written by other code (a new release, or a developer's edit) is never trusted. The launcher
// passes the hash it compared with the bundle's; run otherwise (the tests), it is made here.
import {createHash} from 'node:crypto'
import process from 'node:process'
import {fileURLToPath} from 'node:url'
import {SOURCE_HASH_VARIABLE, sourceHash} from '../disk/source-hash.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
let memo: string | undefined

export function codeVersion(): string {
  memo ??= process.env[SOURCE_HASH_VARIABLE] || sourceHash(root)
  return memo
}

/** A hash of a JSON value, whose byte arrays (the templates' assets) count by their own hash. */
export function hashOf(value: unknown): string {
  return createHash('sha1').update(JSON.stringify(value, bytesAsHashes)).digest('base64url')
}

function bytesAsHashes(_key: string, value: unknown): unknown {
  return value instanceof Uint8Array ? {bytes: createHash('sha1').update(value).digest('base64url')} : value
}
