import {describe, expect, it} from 'vitest'
import {defaultConfig, resolveConfig, withBaseUrl} from '../../src/model/config.ts'

describe('resolveConfig', () => {
  it('gives the defaults when there is no config file', () => {
    expect(resolveConfig(undefined)).toEqual({ok: true, config: defaultConfig})
  })

  it('takes known keys and adds a trailing slash to baseUrl', () => {
    const result = resolveConfig({title: 'The Daily', baseUrl: 'https://example.org/news', pageSize: 10})
    expect(result.ok && result.config.title).toBe('The Daily')
    expect(result.ok && result.config.baseUrl).toBe('https://example.org/news/')
    expect(result.ok && result.config.pageSize).toBe(10)
    expect(result.ok && result.config.homeDays).toBe(defaultConfig.homeDays)
  })

  it('names unknown keys and wrong types', () => {
    const result = resolveConfig({titel: 'x', pageSize: '10', baseUrl: 'javascript:alert(1)', tags: {max: 0, colour: 1}})
    expect(result.ok).toBe(false)
    expect(!result.ok && result.errors).toEqual([
      'unknown key "titel"',
      'pageSize must be a positive whole number',
      'baseUrl must be an absolute http(s) URL or null',
      'tags.max must be a positive whole number',
      'unknown key "tags.colour"'
    ])
  })

  it('refuses a config that is not an object', () => {
    expect(resolveConfig([1, 2])).toEqual({ok: false, errors: ['the config must be a JSON object']})
  })

  it('merges tag settings with the defaults', () => {
    const result = resolveConfig({tags: {aliases: {'DPRK': 'North Korea'}}})
    expect(result.ok && result.config.tags).toEqual({...defaultConfig.tags, aliases: {DPRK: 'North Korea'}})
  })

  it('checks --base-url like the file', () => {
    expect(withBaseUrl(defaultConfig, 'ftp://x').ok).toBe(false)
    const ok = withBaseUrl(defaultConfig, 'https://x.test/sub')
    expect(ok.ok && ok.config.baseUrl).toBe('https://x.test/sub/')
  })

  it('takes provider profiles, with names optional, and names each fault by its place', () => {
    const rule = {name: 'subscribe', pattern: '^Subscribe to the Harbour Gazette', takes: 'boilerplate', where: 'end'}
    const ok = resolveConfig({providers: [{name: 'Harbour Gazette', rules: [rule]}]})
    expect(ok.ok && ok.config.providers).toEqual([{name: 'Harbour Gazette', names: [], rules: [rule]}])
    const bad = resolveConfig({providers: [{name: '', rules: [{...rule, pattern: '(', takes: 'keep', where: 'middle', extent: 'all', colour: 1}]}, 'x']})
    expect(!bad.ok && bad.errors[0]!.split('; ')).toEqual([
      'providers[0].name must be a non-empty string',
      'unknown key "providers[0].rules[0].colour"',
      expect.stringMatching(/^providers\[0\]\.rules\[0\]\.pattern is not a valid regular expression: /),
      'providers[0].rules[0].takes must be one of boilerplate, credit',
      'providers[0].rules[0].where must be one of top, end, anywhere',
      'providers[0].rules[0].extent must be one of paragraph, list, rest',
      'providers[1] must be an object with "name", "names" and "rules"'
    ])
    expect(resolveConfig({providers: {}})).toEqual({ok: false, errors: ['providers must be a list of provider profiles ({"name", "names", "rules"})']})
  })
})
