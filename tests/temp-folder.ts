// vitest globalSetup: the whole run writes its temporary folders under one folder of its own, gone
// when the run ends, whatever a test forgot to remove. os.tmpdir() reads TMPDIR on every call, and
// the test workers and the commands the tests start inherit it.
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'

export default function setup(): () => void {
  const folder = mkdtempSync(path.join(tmpdir(), 'broadsheet-tests-'))
  process.env['TMPDIR'] = folder
  return () => rmSync(folder, {recursive: true, force: true})
}
