#!/usr/bin/env node
// Starts the CLI from a bundle of src/ that esbuild makes once per version of the source, because
// compiling TypeScript through tsx on every start costs about half a second. Plain JavaScript: this
// file runs before anything is compiled. Without esbuild, or when bundling fails, tsx runs src/cli.ts.
import {existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {SOURCE_HASH_VARIABLE, sourceHash as hashOfSource} from '../src/disk/source-hash.js'

const root = fileURLToPath(new URL('../', import.meta.url))
const entry = path.join(root, 'src', 'cli.ts')
// Two folders below the root, like src/<folder>/, so the source's `new URL('../../', import.meta.url)`
// finds the root from the bundle as well; bare imports resolve through the root's node_modules.
const folder = path.join(root, 'node_modules', '.broadsheet')
const BUNDLE = /^cli-[0-9a-f]{16}\.mjs$/
const TEMP = /^cli-[0-9a-f]{16}\.\d+\.tmp\.mjs$/
// `cli-<hash>.<pid>.lease`: process <pid> runs that bundle, and its threads may still load it.
const LEASE = /^(cli-[0-9a-f]{16})\.(\d+)\.lease$/
// A temp file this old was left by a launcher that died while bundling; a live one takes well under this.
const STALE_TEMP_MS = 60_000

// One hash a run (src/disk/source-hash.js): the bundle's name, and the cache's key, which the CLI
// reads from the environment instead of hashing the source again.
const hash = hashOfSource(root)
process.env[SOURCE_HASH_VARIABLE] = hash
const sourceHash = () => hash

/** The path of a bundle of the current source, or null when only tsx can run the CLI. */
async function ensureBundle() {
  const file = path.join(folder, `cli-${sourceHash()}.mjs`)
  if (existsSync(file)) return file
  let esbuild
  try {
    esbuild = await import('esbuild')
  } catch {
    return null
  }
  // Written under a name of its own and renamed into place, so a launcher racing this one never
  // imports half a file.
  const temp = file.replace(/\.mjs$/, `.${process.pid}.tmp.mjs`)
  try {
    mkdirSync(folder, {recursive: true})
    await esbuild.build({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      // The dependencies go into the bundle too: one file starts in about half the time of the
      // hundreds of small modules they are (0.11 s against 0.23 s for `--help`).
      // What the bundled CommonJS packages require (node:fs...) needs a require in an ES module.
      banner: {js: "import {createRequire as __bundleRequire} from 'node:module'; const require = __bundleRequire(import.meta.url);"},
      outfile: temp,
      logLevel: 'warning'
    })
    renameSync(temp, file)
  } catch (error) {
    remove(temp)
    process.stderr.write(`broadsheet: could not bundle src/cli.ts (${error.message.split('\n')[0]}); running it through tsx\n`)
    return null
  } finally {
    // The esbuild service would otherwise live as long as a dev server does.
    await esbuild.stop()
  }
  removeOthers(path.basename(file))
  return file
}

/**
 * Bundles of older source that no running process holds a lease on, leases of processes that have
 * ended, and temp files of launchers that died; never another's fresh temp file. A build that runs
 * for minutes starts its render threads from its bundle long after launch: removing that bundle
 * under it, because the source changed meanwhile, would fail the build.
 */
function removeOthers(keep) {
  const names = readdirSync(folder)
  const leased = new Set()
  for (const name of names) {
    const lease = LEASE.exec(name)
    if (lease === null) continue
    if (running(Number(lease[2]))) leased.add(`${lease[1]}.mjs`)
    else remove(path.join(folder, name))
  }
  for (const name of names) {
    if (name === keep || leased.has(name)) continue
    const file = path.join(folder, name)
    if (BUNDLE.test(name) || (TEMP.test(name) && Date.now() - modified(file) > STALE_TEMP_MS)) remove(file)
  }
}

function running(pid) {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return error.code === 'EPERM'
  }
}

/** Marks `file` as in use by this process until it exits. */
function lease(file) {
  const name = file.replace(/\.mjs$/, `.${process.pid}.lease`)
  try {
    writeFileSync(name, '')
  } catch {
    // A folder we cannot write to: the bundle was made elsewhere, and nothing here removes it.
    return
  }
  process.once('exit', () => remove(name))
}

function modified(file) {
  try {
    return statSync(file).mtimeMs
  } catch {
    return Date.now()
  }
}

function remove(file) {
  try {
    rmSync(file, {force: true})
  } catch {
    // Never written, or in a folder that could not be made: nothing to clean up.
  }
}

async function runWithTsx() {
  const {register} = await import('tsx/esm/api')
  register()
  await import(pathToFileURL(entry).href)
}

async function run(attempts) {
  const file = await ensureBundle()
  if (file === null) return runWithTsx()
  lease(file)
  try {
    await import(pathToFileURL(file).href)
  } catch (error) {
    // A launcher started on newer source removed this bundle between our check and the import:
    // nothing has run yet, so start over with the source as it is now.
    const vanished = error?.code === 'ERR_MODULE_NOT_FOUND' && !existsSync(file)
    if (!vanished || attempts === 0) throw error
    await run(attempts - 1)
  }
}

await run(2)
