// One LiquidJS engine over the in-memory templates folder. Everything printed is HTML-escaped
// unless a template asks for `| raw`. Each template is parsed once by LiquidJS and compiled once to
// closures (compiled.ts), which render it with LiquidJS's semantics at a fraction of the cost. The
// compiled path reads LiquidJS internals (listed at the top of compiled.ts): under any LiquidJS
// but the one it was tested with, pages are rendered by LiquidJS alone.
import {Liquid, version as liquidVersion, type Template} from 'liquidjs'
import type {Templates} from '../../model/types.ts'
import {canCompile, compileTemplates, renderCompiled, type Compiled} from './compiled.ts'
import {debugLine, noteFallback} from './fallbacks.ts'

/** The LiquidJS the compiled path was tested with (package.json pins it). */
export const TESTED_LIQUIDJS = '10.30.1'

let versionSaid = false

/** Whether the installed LiquidJS is the one the compiled path was tested with; said once under debug if not. */
export function testedLiquid(installed: string = liquidVersion): boolean {
  if (installed === TESTED_LIQUIDJS) return true
  if (!versionSaid) debugLine(`LiquidJS ${installed} is not ${TESTED_LIQUIDJS}, which the compiled templates were tested with: pages are rendered by LiquidJS alone`)
  versionSaid = true
  return false
}

export interface Renderer {
  /** Renders the template `name` (a path under templates/, e.g. `story.liquid`) with `view`. */
  render: (name: string, view: object) => string
}

interface Prepared {
  parsed: Template[]
  compiled: Compiled | undefined
}

/** The LiquidJS engine every page is made with, over the templates folder held in memory. */
export function createEngine(templates: Templates): Liquid {
  return new Liquid({
    // The Liquid templates alone: assets are bytes, copied to the output and never parsed.
    templates: Object.fromEntries(Object.entries(templates).filter((entry): entry is [string, string] => typeof entry[1] === 'string')),
    outputEscape: 'escape',
    strictFilters: true,
    ownPropertyOnly: true,
    // Layouts and partials are resolved by name on every render; caching keeps them parsed once too.
    cache: true,
  })
}

export function createRenderer(templates: Templates): Renderer {
  const engine = createEngine(templates)
  const compiles = testedLiquid() && canCompile(engine)
  const prepared = new Map<string, Prepared>()

  function prepare(name: string): Prepared {
    let found = prepared.get(name)
    if (found === undefined) {
      const source = templates[name]
      if (typeof source !== 'string') throw new Error(`Template not found: templates/${name}`)
      const parsed = engine.parse(source, name)
      found = {parsed, compiled: compiles ? compileTemplates(engine, parsed) : undefined}
      prepared.set(name, found)
    }
    return found
  }

  return {
    render(name, view) {
      const {parsed, compiled} = prepare(name)
      if (compiled === undefined) return engine.renderSync(parsed, view) as string
      let failure: unknown
      try {
        return renderCompiled(engine, compiled, view)
      } catch (error) {
        failure = error
      }
      // A template error fails LiquidJS too, with a message that names the template and line. A
      // page LiquidJS renders is a fallback: the compiled path is missing something.
      const html = engine.renderSync(parsed, view) as string
      noteFallback(name, failure)
      return html
    },
  }
}
