// The node flags a build runs with: package.json's `build` script (`node <flags> bin/broadsheet.js
// build`) is where they are set, and bin/broadsheet.js's first line repeats them for `npx broadsheet`.
// The bench starts its builds with them, so it measures what `npm run build` runs.
import {readFileSync} from 'node:fs'
import path from 'node:path'

const BUILD_SCRIPT = /^node((?: --\S+)*) bin\/broadsheet\.js build$/

/** The node flags of the `build` script in `repo`'s package.json. */
export function buildNodeFlags(repo: string): string[] {
  const script = (JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as {scripts: Record<string, string>}).scripts['build'] ?? ''
  const match = BUILD_SCRIPT.exec(script)
  if (match === null) throw new Error(`package.json's build script is not \`node [flags] bin/broadsheet.js build\`: ${script}`)
  return match[1]!.split(' ').filter((flag) => flag !== '')
}
