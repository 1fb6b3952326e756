// vitest globalSetup of the tiers that spawn bin/broadsheet.js: the bundle of the source as it is
// (scripts/bundle.js, which does nothing when it is current), so that every CLI they start runs
// from it, as after `npm ci`, and not through tsx at half a second a start.
import {execFileSync} from 'node:child_process'
import process from 'node:process'
import {fileURLToPath} from 'node:url'

export default function setup(): void {
  // Its output piped: on failure, execFileSync's error carries what it said.
  execFileSync(process.execPath, [fileURLToPath(new URL('../scripts/bundle.js', import.meta.url))], {stdio: 'pipe'})
}
