#!/usr/bin/env node
// The command line's entry point: `broadsheet <command> ...` on the process's own streams.
import process from 'node:process'
import {isMainThread} from 'node:worker_threads'
import {main, processIo} from './cli/main.ts'
import {buildHeapGrowth} from './build/memory.ts'

// In the bundle (scripts/bundle.js) this module shares a file with the render threads' code, and a
// thread loads that whole file: only the main thread is the command line.
if (isMainThread) {
  buildHeapGrowth()
  process.exitCode = await main(process.argv.slice(2), processIo())
}
