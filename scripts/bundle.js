// @ts-check
// `npm run bundle`, also run by npm after `npm ci` (`prepare`) and before `npm run build`
// (`prebuild`): src/cli.ts and its dependencies bundled by esbuild into one file, bundle/cli/cli.mjs,
// which bin/broadsheet.js runs while it was made from the source as it is. Compiling TypeScript
// through tsx on every start costs about half a second; the bundle starts in about 0.1 s.
//
// Nothing is written when the bundle is of the current source. Otherwise the new bundle is written
// under a name of its own and renamed over the old one, so a launcher never imports half a file,
// and it records the source hash inside itself (src/disk/source-hash.js), so the two never disagree.
//
// The render and parse threads start from the bundle file itself (threads/worker.ts), and the
// writer and lister threads from src/write/*-worker.js, which import Node alone: one entry point.
// A process started from the bundle starts its threads from whatever file is there when it needs
// them, as one run through tsx does from the source: bundling while a dev server runs gives its
// next build's threads the new code.
import {mkdirSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import {fileURLToPath} from 'node:url'
import {BUNDLE, bundledHash, hashLine, sourceHash} from '../src/disk/source-hash.js'

const root = fileURLToPath(new URL('../', import.meta.url))
const file = path.join(root, BUNDLE)
// The source edited while esbuild read it: its hash would not describe the bundle. Three tries
// cover a developer saving a few files in a row; more means something rewrites src/ continually.
const TRIES = 3

async function main() {
  let hash = sourceHash(root)
  if (bundledHash(file) === hash) return 0
  const esbuild = await import('esbuild')
  const started = performance.now()
  try {
    for (let tries = 1; ; tries++) {
      const result = await esbuild.build({
        entryPoints: [path.join(root, 'src', 'cli.ts')],
        absWorkingDir: root,
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        // The dependencies go into the bundle too: one file starts in about half the time of the
        // hundreds of small modules they are (0.11 s against 0.23 s for `--help`).
        // What the bundled CommonJS packages require (node:fs...) needs a require in an ES module.
        banner: {js: `${hashLine(hash)}\nimport {createRequire as __bundleRequire} from 'node:module'; const require = __bundleRequire(import.meta.url);`},
        outfile: file,
        write: false,
        logLevel: 'warning'
      })
      const after = sourceHash(root)
      if (after === hash) {
        const output = result.outputFiles[0]
        if (output === undefined) throw new Error('esbuild wrote nothing')
        install(output.contents)
        break
      }
      if (tries === TRIES) throw new Error(`src/ kept changing while it was bundled (${TRIES} tries)`)
      hash = after
    }
  } finally {
    // The esbuild service would otherwise keep the process alive.
    await esbuild.stop()
  }
  process.stdout.write(`${BUNDLE}: src/cli.ts bundled, source ${hash}, in ${((performance.now() - started) / 1000).toFixed(1)} s\n`)
  return 0
}

/** Writes the bundle beside its place under a name of this process's, then renames it into place. */
function install(/** @type {Uint8Array} */ contents) {
  const temp = `${file}.${process.pid}.tmp`
  try {
    mkdirSync(path.dirname(file), {recursive: true})
    writeFileSync(temp, contents)
    renameSync(temp, file)
  } catch (error) {
    try {
      rmSync(temp, {force: true})
    } catch {
      // The folder could not be made: there is no temp file.
    }
    throw error
  }
}

try {
  process.exitCode = await main()
} catch (error) {
  process.stderr.write(`bundle: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = 1
}
