// Compiled templates must print exactly what LiquidJS prints. Each case renders one template both
// ways, on the same data, and compares the strings; the expected text is LiquidJS's own output.
import {AssignTag} from 'liquidjs'
import {describe, expect, it, vi} from 'vitest'
import {compileTemplates, renderCompiled} from '../../src/render/liquid/compiled.ts'
import {createEngine, createRenderer} from '../../src/render/liquid/engine.ts'

function both(templates: Record<string, string>, view: object, name = 'page.liquid') {
  const engine = createEngine(templates)
  const parsed = engine.parse(templates[name]!, name)
  // Each render gets its own copy: `increment` and `decrement` write their counters into the view.
  const interpreted = engine.renderSync(parsed, structuredClone(view)) as string
  const compiled = renderCompiled(engine, compileTemplates(engine, parsed), structuredClone(view))
  return {interpreted, compiled}
}

function agrees(templates: Record<string, string>, view: object): string {
  const {interpreted, compiled} = both(templates, view)
  expect(compiled).toBe(interpreted)
  return compiled
}

const story = {
  headline: 'Tom & Jerry say "hi" <b>',
  tags: [{name: 'A&B', url: 'tags/a-b/'}, {name: 'C', url: 'tags/c/'}],
  empty: [],
  blank: '   ',
  zero: 0,
  text: '',
  count: 3,
  nested: {deep: {value: "it's"}},
}

describe('compiled Liquid prints what LiquidJS prints', () => {
  it('escapes every output unless it is raw', () => {
    const html = agrees({'page.liquid': '{{ story.headline }}|{{ story.headline | raw }}|{{ story.nested.deep.value }}'}, {story})
    expect(html).toBe('Tom &amp; Jerry say &#34;hi&#34; &lt;b&gt;|Tom & Jerry say "hi" <b>|it&#39;s')
  })

  it('prints nothing for nil and missing names, numbers and booleans as text, arrays joined', () => {
    const html = agrees({'page.liquid': '[{{ nope }}][{{ story.nope.deeper }}][{{ story.count }}][{{ true }}][{{ story.tags.size }}][{{ list }}]'}, {story, list: ['a', 1, null]})
    expect(html).toBe('[][][3][true][2][a1]')
  })

  it('reads first, last, size and negative indexes, and only own properties', () => {
    agrees(
      {'page.liquid': '{{ story.tags.first.name }} {{ story.tags.last.url }} {{ story.tags[-1].name }} {{ story.headline.size }} {{ story.constructor }} {{ story.tags.first["url"] }}'},
      {story},
    )
  })

  it('treats only false and nil as false, and compares with empty, blank and nil', () => {
    const html = agrees(
      {
        'page.liquid':
          '{% if story.text %}T{% endif %}{% if story.zero %}Z{% endif %}{% if story.empty != empty %}E{% endif %}' +
          '{% if story.blank == blank %}B{% endif %}{% if story.nope == nil %}N{% endif %}{% if story.tags != empty %}S{% endif %}' +
          '{% if story.count > 1 and story.count < 4 %}R{% endif %}{% if story.zero >= 1 or story.count <= 3 %}O{% endif %}' +
          '{% if story.headline contains "Jerry" %}C{% endif %}{% if story.tags contains "x" %}X{% endif %}{% if not_a_var %}V{% endif %}',
      },
      {story},
    )
    expect(html).toBe('TZBNSROC')
  })

  it('takes the first true branch of if, elsif, else and unless', () => {
    const template =
      '{% if n == 1 %}one{% elsif n == 2 %}two{% else %}many{% endif %}-' +
      '{% unless n == 1 %}not one{% elsif n == 1 %}one again{% else %}never{% endunless %}'
    const seen = [1, 2, 3].map((n) => agrees({'page.liquid': template}, {n}))
    expect(seen).toEqual(['one-one again', 'two-not one', 'many-not one'])
  })

  it('loops with forloop, else for empty lists, and break and continue', () => {
    const template =
      '{% for tag in story.tags %}{{ forloop.index }}/{{ forloop.length }}{% if forloop.first %}F{% endif %}{% if forloop.last %}L{% endif %}{{ tag.name }};{% endfor %}' +
      '{% for x in story.empty %}x{% else %}none{% endfor %}' +
      '{% for x in (1..6) %}{% if x == 2 %}{% continue %}{% endif %}{% if x == 5 %}{% break %}{% endif %}{{ x }}{% endfor %}' +
      '{% for pair in story.nested %}{{ pair[0] }}{% endfor %}{% for c in "abc" %}[{{ c }}]{% endfor %}{{ forloop }}'
    expect(agrees({'page.liquid': template}, {story})).toBe('1/2FA&amp;B;2/2LC;none134deep[abc]')
  })

  it('assigns in the scope LiquidJS assigns in, with filters, in branches, loops and partials, without LiquidJS', () => {
    const templates = {
      'partials/card.liquid': '{%- if inSection %}{% assign kicker = story.topic %}{% else %}{% assign kicker = story.kicker %}{% endif -%}[{{ kicker }}]{{ story.headline }}',
      'page.liquid':
        '{% assign names = story.tags | map: "name" | join: "+" %}{{ names }}|{% assign headline = "shadowed" %}{{ headline }}|' +
        '{% for tag in story.tags %}{% assign last = tag.url %}{% endfor %}{{ last }}|{% assign n = story.count | plus: 1 %}{{ n }}|' +
        '{% assign gone = story.nope %}[{{ gone }}]|{% assign list = story.tags %}{{ list.size }}|' +
        '{% render "partials/card.liquid", story: story, inSection: true %}{% render "partials/card.liquid", story: story %}[{{ kicker }}]',
    }
    const render = vi.spyOn(AssignTag.prototype, 'render')
    try {
      const {interpreted, compiled} = both(templates, {story: {...story, topic: 'Topic', kicker: 'Kicker'}, headline: 'view'})
      expect(compiled).toBe(interpreted)
      expect(compiled).toBe('A&amp;B+C|shadowed|tags/c/|4|[]|2|[Topic]Tom &amp; Jerry say &#34;hi&#34; &lt;b&gt;[Kicker]Tom &amp; Jerry say &#34;hi&#34; &lt;b&gt;[]')
      // LiquidJS rendered it once, for the interpreted side: the compiled side did not fall back to it.
      expect(render).toHaveBeenCalledTimes(7 + 2)
    } finally {
      render.mockRestore()
    }
  })

  it('leaves loops with limit, offset and reversed, and unknown tags, to LiquidJS', () => {
    const template =
      '{% for x in list limit: 2 %}{{ x }}{% endfor %}|{% for x in list offset: continue %}{{ x }}{% endfor %}|' +
      '{% for x in list reversed %}{{ x }}{% endfor %}|{% assign y = list | join: "+" %}{{ y }}|' +
      '{% case list.size %}{% when 4 %}four{% else %}other{% endcase %}|{% capture c %}{{ list.first }}!{% endcapture %}{{ c }}|' +
      '{% raw %}{{ not rendered }}{% endraw %}|{% increment k %}{% increment k %}|{% cycle "a", "b" %}{% cycle "a", "b" %}'
    expect(agrees({'page.liquid': template}, {list: [1, 2, 3, 4]})).toBe('12|34|4321|1+2+3+4|four|1!|{{ not rendered }}|01|ab')
  })

  it('applies filters with their arguments, in order', () => {
    const template =
      '{{ story.headline | upcase | truncate: 9 }}|{{ missing | default: "none" }}|{{ story.tags | map: "name" | join: ", " }}|' +
      '{{ "2022-11-08" | date: "%B %-d, %Y" }}|{{ story.count | plus: 2 | times: 10 }}|{{ story.headline | escape | raw }}'
    agrees({'page.liquid': template}, {story})
  })

  it('trims whitespace where the tags ask', () => {
    agrees({'page.liquid': '<ul>\n  {%- for t in story.tags %}\n  <li>{{ t.name -}}  </li>\n  {%- endfor %}\n</ul>'}, {story})
  })

  it('renders partials with only their arguments, and layouts with blocks and block.super', () => {
    const templates = {
      'layouts/base.liquid': '<title>{% block title %}Site{% endblock %}</title>[{{ story.headline }}]{{ shade }}<main>{% block content %}{% endblock %}</main>{% block foot %}foot{% endblock %}',
      'partials/card.liquid': '<a href="{{ root }}{{ tag.url }}">{{ tag.name }}</a>{{ story.headline }}{{ level }}{{ flag }}',
      'page.liquid':
        'before{% layout "layouts/base.liquid", shade: "dark" %}{% block title %}{{ block.super }} - {{ story.tags.first.name }}{% endblock %}' +
        'outside{% block content %}{% for tag in story.tags %}{% render "partials/card.liquid", tag: tag, root: "../", level: 2, flag %}{% endfor %}{% endblock %}',
    }
    const html = agrees(templates, {story})
    expect(html).toContain('<title>Site - A&amp;B</title>')
    expect(html).toContain('<a href="../tags/a-b/">A&amp;B</a>2true')
  })

  it('renders a page whose layout has no blocks of its own as the anonymous block', () => {
    agrees({'layouts/plain.liquid': '<body>{% block %}{% endblock %}</body>', 'page.liquid': '{% layout "layouts/plain.liquid" %}hello {{ who }}'}, {who: 'you'})
  })

  it('gives LiquidJS’s own error, naming the template, when a page cannot be rendered', () => {
    const templates = {'page.liquid': 'line one\n{% render "partials/missing.liquid" %}'}
    const engine = createEngine(templates)
    const expected = (() => {
      try {
        engine.renderSync(engine.parse(templates['page.liquid'], 'page.liquid'), {})
      } catch (error) {
        return (error as Error).message
      }
      return 'no error'
    })()
    expect(expected).toMatch(/missing\.liquid/)
    expect(() => createRenderer(templates).render('page.liquid', {})).toThrow(expected)
  })
})
