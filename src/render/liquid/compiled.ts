// LiquidJS parses a template once but interprets it on every render through nested generators, and
// at 10,000 stories that interpretation was half of a cold build's CPU. This turns LiquidJS's own
// parse tree into plain closures that do what its `render` methods do, step for step, on a real
// LiquidJS `Context`. Scopes, property reads, filters and drops are LiquidJS's own; only the driving
// of generators is gone. A node this does not know (a tag of a plugin, `case`, `capture`, a `for`
// with `limit`) is rendered by LiquidJS itself on the same context, so any template works.
//
// Tested with LiquidJS 10.30.1 (render/liquid/engine.ts checks it at startup and renders with
// the interpreter alone under any other version). What it reads of LiquidJS beyond the public API:
//
// - Liquid: `_parsePartialFile`, `_parseLayoutFile` (to compile `render`/`include` and `layout`
//   targets), `options` (`renderLimit`, `memoryLimit`, `keepOutputType`, `jsTruthy`: canCompile),
//   `filters['escape']`.
// - Context: `findScope`, `readProperty`, `spawn`, `bottom`, `push`/`pop`, `getRegister`/
//   `setRegister` with the register names `blocks`, `blockStack`, `blockMode` (BlockMode values
//   OUTPUT = 0, STORE = 1) and `for`'s continue key, `breakCalled`, `continueCalled`, `memoryLimit`,
//   `strictVariables`, `opts.operators`.
// - Parse tree: an HTML template's `str`, an output's `value` (`initial.postfix`, `filters` with
//   `handler`, `args`, `token`, `liquid`), tokens' `content`, `variable`, `props`, `operator`; tags'
//   `branches` (`value`, `templates`), `templates`, `elseTemplates`, `collection`, `variable`,
//   `hash.hash`, `args`, `file`, `currentFile`, `with`, `forBinding`, `block`, an assign's `key`
//   and `value`.
// - Classes and values: `Drop` (ForloopDrop and BlockDrop extend it), `TypeGuards`, `evalToken`,
//   `defaultOperators`, `isFalsy`, `toValueSync`.
import {
  AssignTag,
  BlockTag,
  CommentTag,
  Context,
  Drop,
  ForTag,
  IfTag,
  LayoutTag,
  Output,
  RenderTag,
  TypeGuards,
  UnlessTag,
  defaultOperators,
  evalToken,
  isFalsy as liquidIsFalsy,
  toValueSync as liquidToValueSync,
  type Filter,
  type Liquid,
  type Template,
  type Value,
} from 'liquidjs'
import {escapeHtml} from '../escape.ts'

// The bundle reads a CommonJS package's exports through getters on every use; these are read once.
const toValueSync = liquidToValueSync
const LiquidDrop = Drop
const isHTMLToken = TypeGuards.isHTMLToken
const isOperatorToken = TypeGuards.isOperatorToken
const isPropertyAccessToken = TypeGuards.isPropertyAccessToken
const liquidOperators = defaultOperators as Record<string, unknown>

/** What LiquidJS's emitters offer: a buffer, and `write`, which stringifies what it is given. */
export interface Emitter {
  buffer: string
  write: (html: unknown) => void
}

/** A compiled list of templates: renders into `out` on `ctx`, as LiquidJS's `renderTemplates` does. */
export type Compiled = (ctx: Context, out: Emitter) => void

type Evaluate = (ctx: Context) => unknown

/** A token as LiquidJS's `evalToken` sees it: literals carry `content`. */
interface AnyToken {
  content?: unknown
  getText: () => string
}
interface PropertyAccess extends AnyToken {
  variable: AnyToken | undefined
  props: AnyToken[]
}
interface OperatorLike extends AnyToken {
  operator: string
}
interface ExpressionLike {
  postfix: AnyToken[]
}
interface ValueLike {
  initial: ExpressionLike
  filters: Filter[]
}
interface FilterLike {
  handler: (...args: unknown[]) => unknown
  args: Array<AnyToken | [string, AnyToken]>
  token: unknown
  liquid: Liquid
}
interface HashLike {
  hash: Record<string, AnyToken | undefined>
}
interface RenderFields {
  file: unknown
  currentFile?: string
  hash: HashLike
  with?: unknown
  forBinding?: unknown
}
interface AssignFields {
  key: string
  value: ValueLike
}
interface LayoutFields {
  file: unknown
  currentFile?: string
  args: HashLike
  templates: Template[]
}
type BlockRender = (superBlock: Drop, out: Emitter) => unknown

/** LiquidJS's `BlockMode`: blocks of a child are stored, then the layout outputs them. */
const OUTPUT = 0
const STORE = 1

export function createEmitter(): Emitter {
  return {
    buffer: '',
    write(html) {
      this.buffer += stringify(html)
    },
  }
}

/**
 * Whether the engine's options leave nothing to the interpreter that closures would skip: render
 * and memory limits are checked by LiquidJS on every node, and a kept output type changes emitters.
 */
export function canCompile(engine: Liquid): boolean {
  const options = engine.options
  return (
    options.renderLimit === Infinity &&
    options.memoryLimit === Infinity &&
    !options.keepOutputType &&
    !options.jsTruthy
  )
}

/** Compiles the parsed templates of one file. Nothing is rendered until the result is called. */
export function compileTemplates(engine: Liquid, templates: Template[]): Compiled {
  return compileList(engine, templates)
}

/** Renders `compiled` with `scope` as its environment, on a context made as `renderSync` makes it. */
export function renderCompiled(engine: Liquid, compiled: Compiled, scope: object): string {
  const ctx = new Context(scope, engine.options, {sync: true}, {liquid: engine})
  const out = createEmitter()
  compiled(ctx, out)
  return out.buffer
}

const lists = new WeakMap<Template[], Compiled>()

function compileList(engine: Liquid, templates: Template[]): Compiled {
  const known = lists.get(templates)
  if (known !== undefined) return known
  const nodes = templates.map((template) => compileNode(engine, template))
  const compiled: Compiled = (ctx, out) => {
    for (const node of nodes) {
      node(ctx, out)
      if (ctx.breakCalled || ctx.continueCalled) break
    }
  }
  lists.set(templates, compiled)
  return compiled
}

function compileNode(engine: Liquid, template: Template): Compiled {
  if (isHTMLToken(template.token)) {
    const text = (template as unknown as {str: string}).str
    return (_ctx, out) => {
      out.buffer += text
    }
  }
  switch (template.constructor) {
    case Output:
      return compileOutput(engine, (template as unknown as {value: Value}).value as unknown as ValueLike)
    case IfTag:
      return compileIf(engine, template as unknown as IfTag)
    case UnlessTag:
      return compileUnless(engine, template as unknown as UnlessFields)
    case ForTag:
      return compileFor(engine, template as unknown as ForTag) ?? interpreted(template)
    case CommentTag:
      return () => {}
    case RenderTag:
      return compileRender(engine, template as unknown as RenderFields) ?? interpreted(template)
    case LayoutTag:
      return compileLayout(engine, template as unknown as LayoutFields) ?? interpreted(template)
    case BlockTag:
      return compileBlock(engine, template as unknown as BlockTag)
    case AssignTag:
      return compileAssign(engine, template as unknown as AssignFields) ?? interpreted(template)
    default:
      return interpreted(template)
  }
}

/** A node left to LiquidJS: its `render` writes to the emitter or returns the HTML, as in `renderTemplates`. */
function interpreted(template: Template): Compiled {
  return (ctx, out) => {
    const html = toValueSync(template.render(ctx, out as never))
    if (html) out.write(html)
  }
}

/**
 * `{% assign name = value | filters %}`: the value, as it is, in the context's bottom scope. The
 * story card's `assign` of its kicker, left to LiquidJS, ran 123,106 times at 10,000 stories: 1.6 s
 * of the 19.8 s a template change took the rendering thread (profiled on a busy machine). With
 * `lenientIf`, which changes how an assign reads a missing name, LiquidJS renders it.
 */
function compileAssign(engine: Liquid, tag: AssignFields): Compiled | undefined {
  if (engine.options.lenientIf) return undefined
  const {key} = tag
  const evaluate = compileValue(tag.value.initial, tag.value.filters as unknown as FilterLike[])
  return (ctx) => {
    ctx.bottom()[key] = evaluate(ctx)
  }
}

function compileOutput(engine: Liquid, value: ValueLike): Compiled {
  const filters = value.filters as unknown as FilterLike[]
  const last = filters[filters.length - 1]
  const escape = engine.options.outputEscape
  // The escape LiquidJS appends to every output, inlined: it is by far the most common filter.
  if (last !== undefined && last.handler === escape && escape === engine.filters['escape']) {
    const before = compileValue(value.initial, filters.slice(0, -1))
    return (ctx, out) => {
      const text = stringify(before(ctx))
      ctx.memoryLimit.use(text.length)
      out.buffer += escapeHtml(text)
    }
  }
  const evaluate = compileValue(value.initial, filters)
  return (ctx, out) => {
    out.write(toValue(evaluate(ctx)))
  }
}

function compileIf(engine: Liquid, tag: IfTag): Compiled {
  const branches = tag.branches.map((branch) => ({
    test: compileValueOf(branch.value),
    body: compileList(engine, branch.templates),
  }))
  const otherwise = compileList(engine, tag.elseTemplates ?? [])
  return (ctx, out) => {
    for (const branch of branches) {
      if (isTruthy(branch.test(ctx))) return branch.body(ctx, out)
    }
    otherwise(ctx, out)
  }
}

interface UnlessFields {
  branches: Array<{value: Value; test: (value: unknown, ctx: Context) => boolean; templates: Template[]}>
  elseTemplates: Template[]
}

function compileUnless(engine: Liquid, tag: UnlessFields): Compiled {
  const branches = tag.branches.map((branch) => ({
    value: compileValueOf(branch.value),
    // canCompile leaves jsTruthy out, so LiquidJS's two tests are these two.
    test: branch.test === liquidIsFalsy ? isFalsy : isTruthy,
    body: compileList(engine, branch.templates),
  }))
  const otherwise = compileList(engine, tag.elseTemplates)
  return (ctx, out) => {
    for (const branch of branches) {
      if (branch.test(branch.value(ctx))) return branch.body(ctx, out)
    }
    otherwise(ctx, out)
  }
}

/** A `for` without `limit`, `offset` or `reversed`; with them it stays LiquidJS's. */
function compileFor(engine: Liquid, tag: ForTag): Compiled | undefined {
  if (Object.keys((tag.hash as unknown as HashLike).hash).length > 0) return undefined
  const collection = compileToken(tag.collection as unknown as AnyToken)
  const collectionText = tag.collection.getText()
  const variable = tag.variable
  const continueKey = `continue-${variable}-${collectionText}`
  const body = compileList(engine, tag.templates)
  const otherwise = compileList(engine, tag.elseTemplates)
  return (ctx, out) => {
    const items = toEnumerable(collection(ctx))
    if (items.length === 0) return otherwise(ctx, out)
    // LiquidJS records where the loop ended, for a later `offset: continue`.
    ctx.setRegister(continueKey, items.length)
    const forloop = new ForloopDrop(items.length, collectionText, variable)
    const scope = createScope({forloop})
    ctx.push(scope)
    for (const item of items) {
      scope[variable] = item
      ctx.continueCalled = ctx.breakCalled = false
      body(ctx, out)
      if (ctx.breakCalled) break
      forloop.next()
    }
    ctx.continueCalled = ctx.breakCalled = false
    ctx.pop()
  }
}

/** `{% render "file", a: x %}`: the partial sees only its arguments, in a context of its own. */
function compileRender(engine: Liquid, tag: RenderFields): Compiled | undefined {
  const file = tag.file
  if (typeof file !== 'string' || file === '' || tag.with !== undefined || tag.forBinding !== undefined) return undefined
  const args = compileHash(tag.hash)
  let partial: Compiled | undefined
  return (ctx, out) => {
    const child = ctx.spawn()
    const scope = child.bottom()
    for (const [name, value] of args) scope[name] = value(ctx)
    partial ??= compileList(engine, toValueSync(engine._parsePartialFile(file, true, tag.currentFile)) as Template[])
    partial(child, out)
  }
}

function compileLayout(engine: Liquid, tag: LayoutFields): Compiled | undefined {
  const body = compileList(engine, tag.templates)
  if (tag.file === undefined) {
    return (ctx, out) => {
      ctx.setRegister('blockMode', OUTPUT)
      body(ctx, out)
    }
  }
  const file = tag.file
  if (typeof file !== 'string' || file === '') return undefined
  const args = compileHash(tag.args)
  let layout: Compiled | undefined
  return (ctx, out) => {
    layout ??= compileList(engine, toValueSync(engine._parseLayoutFile(file, true, tag.currentFile)) as Template[])
    // What is outside blocks is rendered and kept as the anonymous block.
    ctx.setRegister('blockMode', STORE)
    const rest = createEmitter()
    body(ctx, rest)
    const html = rest.buffer
    const blocks = ctx.getRegister('blocks', {}) as Record<string, BlockRender>
    if (blocks[''] === undefined) blocks[''] = (_parent, emitter) => emitter.write(html)
    ctx.setRegister('blockMode', OUTPUT)
    const scope = createScope()
    for (const [name, value] of args) scope[name] = value(ctx)
    ctx.push(scope)
    layout(ctx, out)
    ctx.pop()
  }
}

function compileBlock(engine: Liquid, tag: BlockTag): Compiled {
  const name = tag.block
  const body = compileList(engine, tag.templates)

  function blockRender(ctx: Context): BlockRender {
    const child = (ctx.getRegister('blocks', {}) as Record<string, BlockRender>)[name]
    const current: BlockRender = (superBlock, out) => {
      const stack = ctx.getRegister('blockStack', []) as unknown[]
      if (stack.includes(tag)) throw new Error('block tag cannot be nested')
      stack.push(tag)
      ctx.push(createScope({block: superBlock}))
      body(ctx, out)
      ctx.pop()
      stack.pop()
    }
    if (child === undefined) return current
    return (superBlock, out) => child(new BlockDrop((emitter) => current(superBlock, emitter)), out)
  }

  return (ctx, out) => {
    const render = blockRender(ctx)
    if (ctx.getRegister('blockMode') === STORE) {
      ;(ctx.getRegister('blocks', {}) as Record<string, BlockRender>)[name] = render
    } else {
      settle(render(new BlockDrop(), out))
    }
  }
}

function compileHash(hash: HashLike): Array<[string, Evaluate]> {
  return Object.keys(hash.hash).map((name) => {
    const token = hash.hash[name]
    return [name, token === undefined ? () => true : compileToken(token)]
  })
}

/** `Value.value`: the expression, then each filter in turn. */
function compileValueOf(value: Value): Evaluate {
  const like = value as unknown as ValueLike
  return compileValue(like.initial, like.filters as unknown as FilterLike[])
}

function compileValue(initial: ExpressionLike, filters: FilterLike[]): Evaluate {
  const expression = compileExpression(initial.postfix)
  if (filters.length === 0) return expression
  const steps = filters.map((filter) => compileFilter(filter))
  return (ctx) => {
    let value = expression(ctx)
    for (const step of steps) value = step(value, ctx)
    return value
  }
}

function compileFilter(filter: FilterLike): (value: unknown, ctx: Context) => unknown {
  const args = filter.args.map((arg): Evaluate | [string, Evaluate] =>
    Array.isArray(arg) ? [arg[0], compileToken(arg[1])] : compileToken(arg),
  )
  return (value, ctx) => {
    const argv: unknown[] = [value]
    for (const arg of args) argv.push(Array.isArray(arg) ? [arg[0], arg[1](ctx)] : arg(ctx))
    return settle(filter.handler.apply({context: ctx, token: filter.token, liquid: filter.liquid}, argv))
  }
}

/** `Expression.evaluate`: a postfix program over operands, with LiquidJS's operators. */
function compileExpression(postfix: AnyToken[]): Evaluate {
  const first = postfix[0]
  if (postfix.length === 1 && first !== undefined && !isOperatorToken(first as never)) return compileToken(first)
  const steps = postfix.map((token): Evaluate | OperatorLike =>
    isOperatorToken(token as never) ? (token as OperatorLike) : compileToken(token),
  )
  return (ctx) => {
    const operands: unknown[] = []
    for (const step of steps) {
      if (typeof step === 'function') {
        operands.push(step(ctx))
        continue
      }
      const right = operands.pop()
      if (step.operator === 'not') {
        operands.push(operate(ctx, step.operator, right, undefined))
      } else {
        const left = operands.pop()
        operands.push(operate(ctx, step.operator, left, right))
      }
    }
    return operands[0]
  }
}

/** LiquidJS's default operators without generators; an operator an engine replaced is called as it is. */
function operate(ctx: Context, operator: string, left: unknown, right: unknown): unknown {
  const own = (ctx.opts.operators as Record<string, unknown>)[operator]
  if (own !== defaultOperator(operator)) {
    const fn = own as (...args: unknown[]) => unknown
    return settle(operator === 'not' ? fn(left, ctx) : fn(left, right, ctx))
  }
  switch (operator) {
    case '==':
      return equals(left, right)
    case '!=':
      return !equals(left, right)
    case '>':
      return compare(left, right, 'gt', 'lt', (l, r) => l > r)
    case '<':
      return compare(left, right, 'lt', 'gt', (l, r) => l < r)
    case '>=':
      return compare(left, right, 'geq', 'leq', (l, r) => l >= r)
    case '<=':
      return compare(left, right, 'leq', 'geq', (l, r) => l <= r)
    case 'contains':
      return contains(left, right)
    case 'not':
      return isFalsy(left)
    case 'and':
      return isTruthy(left) && isTruthy(right)
    case 'or':
      return isTruthy(left) || isTruthy(right)
    default:
      throw new Error(`unknown operator ${operator}`)
  }
}

function defaultOperator(operator: string): unknown {
  return liquidOperators[operator]
}

interface Comparable {
  equals: (value: unknown) => unknown
  gt: (value: unknown) => unknown
  geq: (value: unknown) => unknown
  lt: (value: unknown) => unknown
  leq: (value: unknown) => unknown
}

function isComparable(value: unknown): value is Comparable {
  const v = value as Partial<Comparable> | null | undefined
  return Boolean(
    v &&
      typeof v.equals === 'function' &&
      typeof v.gt === 'function' &&
      typeof v.geq === 'function' &&
      typeof v.lt === 'function' &&
      typeof v.leq === 'function',
  )
}

function equals(left: unknown, right: unknown): boolean {
  if (isComparable(left)) return settle(left.equals(right)) as boolean
  if (isComparable(right)) return settle(right.equals(left)) as boolean
  const l = toValue(left)
  const r = toValue(right)
  if (Array.isArray(l)) return Array.isArray(r) && l.length === r.length && l.every((item, i) => equals(item, r[i]))
  return l === r
}

function compare(
  left: unknown,
  right: unknown,
  method: 'gt' | 'lt' | 'geq' | 'leq',
  mirror: 'gt' | 'lt' | 'geq' | 'leq',
  plain: (l: never, r: never) => boolean,
): unknown {
  if (isComparable(left)) return settle(left[method](right))
  if (isComparable(right)) return settle(right[mirror](left))
  return plain(toValue(left) as never, toValue(right) as never)
}

function contains(left: unknown, right: unknown): boolean {
  const l = toValue(left) as {indexOf?: (item: unknown) => number} | unknown[]
  if (Array.isArray(l)) return l.some((item) => equals(item, right))
  if (l !== null && l !== undefined && typeof (l as {indexOf?: unknown}).indexOf === 'function') {
    return (l as {indexOf: (item: unknown) => number}).indexOf(toValue(right)) > -1
  }
  return false
}

/** `evalToken`: literals are their content, a property access is read scope by scope. */
function compileToken(token: AnyToken): Evaluate {
  if ('content' in token) {
    const content = token.content
    return () => content
  }
  if (isPropertyAccessToken(token as never)) return compilePropertyAccess(token as PropertyAccess)
  // Ranges and grouped expressions are rare; LiquidJS evaluates them.
  return (ctx) => toValueSync(evalToken(token as never, ctx))
}

function compilePropertyAccess(token: PropertyAccess): Evaluate {
  const props = token.props.map((prop) => {
    const evaluate = compileToken(prop)
    return (ctx: Context) => toValue(evaluate(ctx))
  })
  // `story.tags.first`: names only, the usual case, read without evaluating them again.
  const fixed = token.props.every((prop) => 'content' in prop) ? token.props.map((prop) => toValue(prop.content)) : undefined
  const variable = token.variable === undefined ? undefined : compileToken(token.variable)
  return (ctx) => {
    const paths = fixed ?? props.map((prop) => prop(ctx))
    let scope: unknown = variable === undefined ? (ctx as unknown as {findScope: (key: string) => unknown}).findScope(paths[0] as string) : variable(ctx)
    for (const path of paths) {
      scope = settle(ctx.readProperty(scope as never, path as never))
      // LiquidJS throws here and names the variable; the caller renders the page again with LiquidJS for that message.
      if (ctx.strictVariables && scope === undefined) throw new Error(`undefined variable: ${token.getText()}`)
    }
    return scope
  }
}

/** A generator from a drop or a filter, driven to its value as `toValueSync` drives LiquidJS's own. */
function settle(value: unknown): unknown {
  return isIterator(value) ? toValueSync(value) : value
}

function isIterator(value: unknown): boolean {
  const v = value as {next?: unknown; throw?: unknown; return?: unknown} | null | undefined
  return Boolean(v) && typeof v!.next === 'function' && typeof v!.throw === 'function' && typeof v!.return === 'function'
}

/** LiquidJS's `toValue`: a drop stands for what its `valueOf` gives. */
function toValue(value: unknown): unknown {
  return value instanceof LiquidDrop && typeof value.valueOf === 'function' ? value.valueOf() : value
}

/** LiquidJS's `isFalsy` without `jsTruthy`: only false, nil and undefined are false in Liquid. */
function isFalsy(value: unknown): boolean {
  const v = toValue(value)
  return v === false || v === undefined || v === null
}

function isTruthy(value: unknown): boolean {
  return !isFalsy(value)
}

function stringify(value: unknown): string {
  const v = toValue(value)
  if (typeof v === 'string') return v
  if (v === null || v === undefined) return ''
  if (Array.isArray(v)) return v.map((item) => stringify(item)).join('')
  return String(v)
}

function toEnumerable(value: unknown): unknown[] {
  const v = toValue(value)
  if (Array.isArray(v)) return v
  if (typeof v === 'string') return v.length > 0 ? [v] : []
  if (v !== null && (typeof v === 'object' || typeof v === 'function')) {
    if (Symbol.iterator in (v as object)) return Array.from(v as Iterable<unknown>)
    return Object.keys(v as object).map((key) => [key, (v as Record<string, unknown>)[key]])
  }
  return []
}

function createScope(from?: Record<string, unknown>): Record<string, unknown> {
  const scope = Object.create(null) as Record<string, unknown>
  if (from) Object.assign(scope, from)
  return scope
}

// LiquidJS does not export its `forloop` and `block` drops. These have the same fields, in the same
// order (a printed `forloop` is its JSON), and the same methods. Drops are classes in LiquidJS.
class ForloopDrop extends LiquidDrop {
  i: number
  length: number
  name: string

  constructor(length: number, collection: string, variable: string) {
    super()
    this.i = 0
    this.length = length
    this.name = `${variable}-${collection}`
  }
  next(): void {
    this.i++
  }
  index0(): number {
    return this.i
  }
  index(): number {
    return this.i + 1
  }
  first(): boolean {
    return this.i === 0
  }
  last(): boolean {
    return this.i === this.length - 1
  }
  rindex(): number {
    return this.length - this.i
  }
  rindex0(): number {
    return this.length - this.i - 1
  }
  override valueOf(): string {
    return JSON.stringify(this)
  }
}

class BlockDrop extends LiquidDrop {
  superBlockRender: (out: Emitter) => unknown

  constructor(superBlockRender: (out: Emitter) => unknown = () => '') {
    super()
    this.superBlockRender = superBlockRender
  }
  /** `{{ block.super }}`: the layout's own content of the block. */
  super(): string {
    const out = createEmitter()
    settle(this.superBlockRender(out))
    return out.buffer
  }
}
