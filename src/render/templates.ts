// One LiquidJS engine over the in-memory templates folder. Everything printed is HTML-escaped
// unless a template asks for `| raw`, and each page template is parsed once and reused.
import {Liquid, type Template} from 'liquidjs'

export interface Renderer {
  /** Renders the template `name` (a path under templates/, e.g. `story.liquid`) with `view`. */
  render: (name: string, view: object) => string
}

export function createRenderer(templates: Record<string, string>): Renderer {
  const engine = new Liquid({
    templates,
    outputEscape: 'escape',
    strictFilters: true,
    ownPropertyOnly: true,
    // Layouts and partials are resolved by name on every render; caching keeps them parsed once too.
    cache: true,
  })
  const parsed = new Map<string, Template[]>()

  function template(name: string): Template[] {
    let found = parsed.get(name)
    if (found === undefined) {
      const source = templates[name]
      if (source === undefined) throw new Error(`Template not found: templates/${name}`)
      found = engine.parse(source, name)
      parsed.set(name, found)
    }
    return found
  }

  return {
    render: (name, view) => engine.renderSync(template(name), view) as string,
  }
}
