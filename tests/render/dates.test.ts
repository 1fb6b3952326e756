import {execFileSync} from 'node:child_process'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {dateInWords, dayInstant, monthInWords, monthWeeks, shortDate} from '../../src/render/dates.ts'

const datesModule = fileURLToPath(new URL('../../src/render/dates.ts', import.meta.url))

describe('dates in words', () => {
  it('names the calendar day as written', () => {
    expect(dateInWords('2022-11-08')).toBe('Tuesday, 8 November 2022')
    expect(dateInWords('2024-02-29')).toBe('Thursday, 29 February 2024')
    expect(shortDate('2022-11-08')).toBe('8 Nov 2022')
    expect(monthInWords('2022-11')).toBe('November 2022')
    expect(dayInstant('2022-11-08').toISOString()).toBe('2022-11-08T00:00:00.000Z')
  })

  // A local Date would show 7 November west of Greenwich and keep 8 November east of it;
  // the result must be the same everywhere.
  it.each(['America/Los_Angeles', 'Pacific/Pago_Pago', 'Pacific/Kiritimati', 'Asia/Tokyo', 'UTC'])('is the same in %s', (tz) => {
    const code = `import(${JSON.stringify(datesModule)}).then((m) => process.stdout.write(m.dateInWords('2022-11-08') + '|' + m.dateInWords('2023-01-01') + '|' + new Date(2022, 10, 8).getTimezoneOffset()))`
    const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', code], {env: {...process.env, TZ: tz}, encoding: 'utf8'})
    const [a, b, offset] = out.split('|')
    expect(a).toBe('Tuesday, 8 November 2022')
    expect(b).toBe('Sunday, 1 January 2023')
    // The child really ran in that zone.
    if (tz !== 'UTC') expect(offset).not.toBe('0')
  })
})

describe('monthWeeks', () => {
  it('lays a month out Monday first', () => {
    const weeks = monthWeeks('2022-11', new Map([['2022-11-08', 3]]))
    expect(weeks).toHaveLength(5)
    // 1 November 2022 was a Tuesday.
    expect(weeks[0]![0]).toBeNull()
    expect(weeks[0]![1]).toEqual({day: 1, date: '2022-11-01', count: 0})
    expect(weeks[1]![1]).toEqual({day: 8, date: '2022-11-08', count: 3})
    expect(weeks.flat().filter((c) => c !== null)).toHaveLength(30)
    expect(weeks.every((w) => w.length === 7)).toBe(true)
  })
})
