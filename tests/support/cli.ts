// Runs the command line in-process, as `main(argv, io)`, with its output and exit code captured:
// a spawned `tsx src/cli.ts` paid TypeScript compilation on every call (2 to 3.6 s a case). The
// spawned smoke tests in tests/build/launcher.slow.test.ts run the real launcher, bin/broadsheet.js.
import {spawn} from 'node:child_process'
import path from 'node:path'
import process from 'node:process'
import {main} from '../../src/cli/main.ts'

export const repo = new URL('../../', import.meta.url).pathname

export interface CliRun {
  status: number
  stdout: string
  stderr: string
}

/**
 * Runs `broadsheet ...args` in `cwd` with `env` added, as a person does in a shell. The working
 * folder and the environment are the process's, so calls are one at a time (vitest runs a file's
 * tests in order, and each file in a process of its own).
 */
export async function runCli(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliRun> {
  const stdout: string[] = []
  const stderr: string[] = []
  const before = process.cwd()
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]))
  process.chdir(cwd)
  Object.assign(process.env, env)
  try {
    const status = await main(args, {
      stdout: {write: (text: string) => stdout.push(text)},
      stderr: {write: (text: string) => stderr.push(text)},
      onStop: () => () => {},
      exit: (code: number): never => {
        throw new Error(`the command asked to exit with ${code}`)
      }
    })
    return {status, stdout: stdout.join(''), stderr: stderr.join('')}
  } finally {
    process.chdir(before)
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key]
      else process.env[key] = value
    }
  }
}

/**
 * Runs `bin/broadsheet.js ...args` in a process of its own, the launcher a person starts, from the
 * bundle the slow tier makes before its tests (tests/bundle.ts). Not
 * spawnSync: a build of thousands of files blocked the test worker for so long on a loaded machine
 * that vitest's own messages to it timed out ("Timeout calling onTaskUpdate").
 */
export function spawnCli(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliRun> {
  const child = spawn(process.execPath, [path.join(repo, 'bin/broadsheet.js'), ...args], {cwd, env: {...process.env, ...env}, stdio: ['ignore', 'pipe', 'pipe']})
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (code) => resolve({status: code ?? -1, stdout, stderr}))
  })
}
