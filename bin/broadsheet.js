#!/usr/bin/env -S node --max-semi-space-size=32
// The flag (also in package.json's scripts, which the bench reads): young-generation spaces of
// 32 MB, not V8's 16. A build makes short-lived objects fast (views, page strings); a 10,000-story
// cold build spent 4.7 s in garbage collection with 16 MB and 3.0 s with 32 (620 scavenges against
// 341; 64 MB: 3.5 s), for 10-25 MB more memory. V8 reads it only as the process starts.
// Starts the CLI: from the bundle `npm run bundle` makes (scripts/bundle.js) when it was made from
// the source as it is, else from src/cli.ts through tsx, as while the source is being edited. Plain
// JavaScript: this file runs before anything is compiled.
import {existsSync} from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {BUNDLE, bundledHash, SOURCE_HASH_VARIABLE, sourceHash} from '../src/disk/source-hash.js'

const root = fileURLToPath(new URL('../', import.meta.url))
const bundle = path.join(root, BUNDLE)

// One hash a run (src/disk/source-hash.js): compared with the bundle's here, and the cache's key,
// which the CLI reads from the environment instead of hashing the source again.
const hash = sourceHash(root)
process.env[SOURCE_HASH_VARIABLE] = hash
const made = bundledHash(bundle)

// `DEBUG=broadsheet:launcher` (or `broadsheet:*`, or `*`) says which of the two runs. `--debug`
// cannot: the CLI reads it after this choice.
if (/(?:^|[\s,])(?:\*|broadsheet:\*|broadsheet:launcher)(?:$|[\s,])/.test(process.env['DEBUG'] ?? '')) {
  process.stderr.write(made === hash ? `broadsheet:launcher ${BUNDLE}, made from source ${hash}\n` : `broadsheet:launcher src/cli.ts through tsx: the source is ${hash}, the bundle's ${made ?? 'missing'}\n`)
}

if (made === hash) {
  await import(pathToFileURL(bundle).href)
} else {
  // Source edited since the last bundle is the ordinary state of development: said only under
  // DEBUG. No bundle at all is not, and costs half a second a start until `npm run bundle`.
  if (!existsSync(bundle)) process.stderr.write(`broadsheet: no ${BUNDLE} (\`npm run bundle\` makes it); running src/cli.ts through tsx\n`)
  const {register} = await import('tsx/esm/api')
  register()
  await import(pathToFileURL(path.join(root, 'src', 'cli.ts')).href)
}
