// Hugo and Eleventy 3 as peers: finding or installing them, and building the md/ corpus with the
// minimal layouts in bench/peers/. Every build starts from an empty output and cache folder.
import {spawnSync} from 'node:child_process'
import {cpSync, existsSync, mkdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import {measure, type RunResult} from './measure.ts'

export interface Peer {
  name: string
  version: string
  /**
   * One cold build of `mdDir` into `workDir`, after `moveAside` has taken away what an earlier build
   * left there; returns the measurement and the output folder.
   */
  build: (mdDir: string, workDir: string, moveAside: (dir: string) => void) => Promise<{result: RunResult; outDir: string}>
}

export function findHugo(peersSource: string): Peer | string {
  const probe = spawnSync('hugo', ['version'], {encoding: 'utf8'})
  if (probe.error || probe.status !== 0) {
    return 'hugo not found on PATH: install it with `apt-get install -y hugo` (Debian package) to compare with Hugo.'
  }
  const version = (/v[\d.]+\S*/.exec(probe.stdout) ?? ['?'])[0]
  return {
    name: 'Hugo',
    version,
    build: async (mdDir, workDir, moveAside) => {
      const site = path.join(workDir, 'site')
      const outDir = path.join(workDir, 'public')
      const cache = path.join(workDir, 'cache')
      moveAside(workDir)
      mkdirSync(workDir, {recursive: true})
      // A copy, so Hugo's lock file and resources/ land in bench/out/, not in the repository.
      cpSync(path.join(peersSource, 'hugo'), site, {recursive: true})
      const result = await measure('hugo', [
        '--source', site, '--contentDir', mdDir, '--destination', outDir, '--cacheDir', cache, '--quiet',
      ], {cwd: workDir})
      return {result, outDir}
    },
  }
}

/** Eleventy 3 from a private install under bench/out/.peers/, made once with npm. */
export function findEleventy(peersSource: string, installDir: string, log: (line: string) => void): Peer | string {
  const pkg = path.join(installDir, 'node_modules', '@11ty', 'eleventy', 'package.json')
  if (!existsSync(pkg)) {
    log(`installing @11ty/eleventy@3 into ${installDir} (once; not a project dependency) ...`)
    mkdirSync(installDir, {recursive: true})
    if (!existsSync(path.join(installDir, 'package.json'))) {
      cpSync(path.join(peersSource, 'eleventy', 'install-package.json'), path.join(installDir, 'package.json'))
    }
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
    const install = spawnSync(npm, ['install', '--no-audit', '--no-fund', '--save-exact', '@11ty/eleventy@3'], {
      cwd: installDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
    })
    if (install.status !== 0 || !existsSync(pkg)) {
      return `could not install @11ty/eleventy@3 with npm in ${installDir}:\n${install.stderr ?? ''}`
    }
  }
  const version = (JSON.parse(readFileSync(pkg, 'utf8')) as {version: string}).version
  const cmd = path.join(path.dirname(pkg), 'cmd.cjs')
  const config = path.join(peersSource, 'eleventy', 'eleventy.config.js')
  return {
    name: 'Eleventy',
    version,
    build: async (mdDir, workDir, moveAside) => {
      const outDir = path.join(workDir, '_site')
      moveAside(workDir)
      mkdirSync(workDir, {recursive: true})
      const result = await measure(process.execPath, [cmd, `--config=${config}`, '--quiet'], {
        cwd: workDir,
        env: {...process.env, BENCH_MD_DIR: mdDir, BENCH_OUT_DIR: outDir},
      })
      return {result, outDir}
    },
  }
}
