// Broadsheet's own version for cache keys: the package version and a hash of its source, so a
// cache written by other code (a new release, or a developer's edit) is never trusted.
import {createHash} from 'node:crypto'
import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const root = fileURLToPath(new URL('../../', import.meta.url))
let memo: string | undefined

export function codeVersion(): string {
  if (memo !== undefined) return memo
  const hash = createHash('sha1')
  hash.update(readFileSync(path.join(root, 'package.json')))
  const sources = (readdirSync(path.join(root, 'src'), {recursive: true}) as string[]).filter((f) => f.endsWith('.ts')).sort()
  for (const file of sources) hash.update(file).update(readFileSync(path.join(root, 'src', file)))
  memo = hash.digest('base64url')
  return memo
}

/** A hash of a JSON value, whose byte arrays (the templates' assets) count by their own hash. */
export function hashOf(value: unknown): string {
  return createHash('sha1').update(JSON.stringify(value, bytesAsHashes)).digest('base64url')
}

function bytesAsHashes(_key: string, value: unknown): unknown {
  return value instanceof Uint8Array ? {bytes: createHash('sha1').update(value).digest('base64url')} : value
}
