// Runs one command to completion and reports its wall time, CPU time and peak memory.
//
// With GNU time (/usr/bin/time, Debian package `time`): CPU is user+sys of the process and every
// descendant it waited for (worker threads are in the process, child processes are counted when
// they exit), and peak RSS is ru_maxrss: the largest single process of the tree, not their sum.
// Without it: /proc is polled every 25 ms; CPU is utime+stime+cutime+cstime of the process and
// peak RSS is the highest VmHWM seen, summed over the process and its live descendants. Both miss
// the last 25 ms before exit, so this fallback is approximate.
import {spawn} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, readdirSync, rmSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import process from 'node:process'

export interface Measurement {
  wallSeconds: number
  cpuSeconds: number
  peakRssMb: number
}

export interface RunResult extends Measurement {
  code: number
  stdout: string
  stderr: string
}

const GNU_TIME = '/usr/bin/time'

export function measuringMethod(): string {
  return existsSync(GNU_TIME)
    ? 'GNU time: CPU = user+sys of the process tree, peak RSS = largest single process (ru_maxrss)'
    : '/proc polling every 25 ms: CPU = utime+stime+cutime+cstime, peak RSS = summed VmHWM of the live process tree'
}

export async function measure(command: string, args: string[], options: {cwd: string; env?: NodeJS.ProcessEnv}): Promise<RunResult> {
  return existsSync(GNU_TIME) ? withGnuTime(command, args, options) : withProcPolling(command, args, options)
}

function collect(child: ReturnType<typeof spawn>): {stdout: () => string; stderr: () => string} {
  const out: Buffer[] = []
  const err: Buffer[] = []
  child.stdout?.on('data', (b: Buffer) => out.push(b))
  child.stderr?.on('data', (b: Buffer) => err.push(b))
  return {stdout: () => Buffer.concat(out).toString('utf8'), stderr: () => Buffer.concat(err).toString('utf8')}
}

function exited(child: ReturnType<typeof spawn>): Promise<number> {
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', code => resolve(code ?? 1))
  })
}

async function withGnuTime(command: string, args: string[], options: {cwd: string; env?: NodeJS.ProcessEnv}): Promise<RunResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-bench-'))
  const report = path.join(dir, 'time.txt')
  try {
    const started = process.hrtime.bigint()
    const child = spawn(GNU_TIME, ['-f', '%e %U %S %M', '-o', report, command, ...args], {
      cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'],
    })
    const output = collect(child)
    const code = await exited(child)
    const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9
    // GNU time writes "Command exited with non-zero status N" before the numbers on failure.
    const last = readFileSync(report, 'utf8').trim().split('\n').pop() ?? ''
    const [, user = 'NaN', sys = 'NaN', maxKb = 'NaN'] = last.split(' ')
    return {
      code, stdout: output.stdout(), stderr: output.stderr(), wallSeconds,
      cpuSeconds: Number(user) + Number(sys), peakRssMb: Number(maxKb) / 1024,
    }
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
}

const TICKS = 100 // USER_HZ on Linux

function readProc(file: string): string | null {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return null
  }
}

function descendants(pid: number): number[] {
  const out = [pid]
  for (let i = 0; i < out.length; i++) {
    for (const task of safeList(`/proc/${out[i]}/task`)) {
      const children = readProc(`/proc/${out[i]}/task/${task}/children`)
      if (children) for (const c of children.trim().split(/\s+/)) if (c !== '') out.push(Number(c))
    }
  }
  return out
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir)
  } catch {
    return []
  }
}

function cpuTicks(pid: number): number {
  const stat = readProc(`/proc/${pid}/stat`)
  if (!stat) return 0
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  // After the comm field: utime, stime, cutime, cstime are fields 14-17 of stat, here 11-14.
  return [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i] ?? 0), 0)
}

function hwmKb(pid: number): number {
  const match = /VmHWM:\s+(\d+)/.exec(readProc(`/proc/${pid}/status`) ?? '')
  return match ? Number(match[1]) : 0
}

async function withProcPolling(command: string, args: string[], options: {cwd: string; env?: NodeJS.ProcessEnv}): Promise<RunResult> {
  const started = process.hrtime.bigint()
  const child = spawn(command, args, {cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe']})
  const output = collect(child)
  const pid = child.pid ?? 0
  let peakKb = 0
  let ticks = 0
  const sample = (): void => {
    const tree = descendants(pid)
    peakKb = Math.max(peakKb, tree.reduce((sum, p) => sum + hwmKb(p), 0))
    ticks = Math.max(ticks, cpuTicks(pid))
  }
  const timer = setInterval(sample, 25)
  sample()
  const code = await exited(child)
  clearInterval(timer)
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9
  return {code, stdout: output.stdout(), stderr: output.stderr(), wallSeconds, cpuSeconds: ticks / TICKS, peakRssMb: peakKb / 1024}
}
