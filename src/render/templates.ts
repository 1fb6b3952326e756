// One LiquidJS engine over the in-memory templates folder. Everything printed is HTML-escaped
// unless a template asks for `| raw`. Each template is parsed once by LiquidJS and compiled once to
// closures (see compiled-liquid.ts), which render it with LiquidJS's semantics at a fraction of the cost.
import {Liquid, type Template} from 'liquidjs'
import {canCompile, compileTemplates, renderCompiled, type Compiled} from './compiled-liquid.ts'
import type {Templates} from '../model/types.ts'

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
  const compiles = canCompile(engine)
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
      if (compiled !== undefined) {
        try {
          return renderCompiled(engine, compiled, view)
        } catch {
          // LiquidJS names the template and line that failed: its own render gives that message.
        }
      }
      return engine.renderSync(parsed, view) as string
    },
  }
}
