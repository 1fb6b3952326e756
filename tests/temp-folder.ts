// vitest globalSetup: the whole run writes its temporary folders under one folder of its own, gone
// when the run ends, whatever a test forgot to remove. os.tmpdir() reads TMPDIR on every call, and
// the test workers and the commands the tests start inherit it.
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'

/** Set once the run has its folder: the root config and a project may both list this setup. */
const MARK = 'BROADSHEET_TESTS_TMPDIR'

export default function setup(): () => void {
  // One folder a run, not one inside another: Chromium's socket path under three of them passed the
  // 107 characters a Unix socket's path may have, and no browser started.
  if (process.env[MARK] !== undefined) return () => {}
  const folder = mkdtempSync(path.join(tmpdir(), 'broadsheet-tests-'))
  process.env['TMPDIR'] = folder
  process.env[MARK] = folder
  return () => {
    rmSync(folder, {recursive: true, force: true})
    delete process.env[MARK]
  }
}
