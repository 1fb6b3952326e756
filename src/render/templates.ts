// One LiquidJS engine over the in-memory templates folder. Everything printed is HTML-escaped
// unless a template asks for `| raw`, and each page template is parsed once and reused.
import {Liquid, RenderTag, type Context, type Emitter, type Template} from 'liquidjs'

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
  engine.registerTag('render', memoizedRender())
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

/** Partial renders remembered at most; at 10,000 stories one thread making every page makes about 125,000. */
const MEMO_LIMIT = 200_000

/** What RenderTag keeps private but a memo needs to see. */
interface RenderTagFields {
  file: unknown
  hash: {render(ctx: Context): Generator<unknown, Record<string, unknown>, unknown>}
  with?: unknown
  forBinding?: unknown
}

/**
 * `{% render %}` that reuses its output. A rendered partial sees only its arguments, so the same
 * partial with the same arguments gives the same HTML: a story card appears on the home page, its
 * day, every tag, author and source page, and the header and footer on every page, and rendering
 * them again was most of the time spent in LiquidJS. Objects are compared by identity (the views
 * are built once and never changed), values by value. Output is kept only when a key comes round a
 * second time, so the partials of one page alone (breadcrumbs, pagination) cost no memory.
 */
function memoizedRender(): typeof RenderTag {
  const ids = new WeakMap<object, number>()
  let nextId = 0
  const memo = new Map<string, string | true>()

  function keyOf(file: string, args: Record<string, unknown>): string {
    let key = file
    for (const name of Object.keys(args)) {
      const value = args[name]
      key += `\u0000${name}=`
      if (value !== null && (typeof value === 'object' || typeof value === 'function')) {
        let id = ids.get(value)
        if (id === undefined) ids.set(value, (id = ++nextId))
        key += `#${id}`
      } else {
        key += typeof value === 'string' ? JSON.stringify(value) : String(value)
      }
    }
    return key
  }

  // LiquidJS tags are classes; extending the built-in keeps its parsing and error messages.
  return class MemoizedRenderTag extends RenderTag {
    override *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      const fields = this as unknown as RenderTagFields
      if (typeof fields.file !== 'string' || fields.with !== undefined || fields.forBinding !== undefined) {
        return yield* super.render(ctx, emitter)
      }
      const key = keyOf(fields.file, (yield* fields.hash.render(ctx)) as Record<string, unknown>)
      const seen = memo.get(key)
      if (typeof seen === 'string') {
        emitter.write(seen)
        return
      }
      // A fresh emitter of the same kind captures exactly what the partial would have written.
      const capture = new (emitter.constructor as new () => Emitter & {buffer: string})()
      yield* super.render(ctx, capture)
      // Bounded: at 100,000 stories every card's key would stay for the whole build.
      if (memo.size >= MEMO_LIMIT) memo.clear()
      memo.set(key, seen === true ? capture.buffer : true)
      emitter.write(capture.buffer)
    }
  }
}
