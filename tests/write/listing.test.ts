import {mkdirSync, mkdtempSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {listFiles, listFilesAside} from '../../src/write/listing.ts'

function site(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'bs-listing-'))
  for (const file of ['index.html', '2022/11/08/story/index.html', '2022/11/08/index.html', 'search/terms/ab.json', 'assets/site.css']) {
    mkdirSync(path.dirname(path.join(root, file)), {recursive: true})
    writeFileSync(path.join(root, file), file)
  }
  mkdirSync(path.join(root, 'empty/deeper'), {recursive: true})
  // Links are not the site's files: neither a link to a file nor one to a folder is listed or followed.
  symlinkSync(path.join(root, 'index.html'), path.join(root, 'link.html'))
  symlinkSync(path.join(root, '2022'), path.join(root, 'years'))
  return root
}

const expected = ['2022/11/08/index.html', '2022/11/08/story/index.html', 'assets/site.css', 'index.html', 'search/terms/ab.json']

describe('listing an output folder', () => {
  it('gives every file, by its path with `/`, and no folder or link', async () => {
    const root = site()
    expect(listFiles(root).sort()).toEqual(expected)
    expect((await listFilesAside(root)).sort()).toEqual(expected)
  })

  it('gives nothing for a folder that is not there', async () => {
    const missing = path.join(tmpdir(), 'bs-listing-missing', String(process.pid))
    expect(listFiles(missing)).toEqual([])
    expect(await listFilesAside(missing)).toEqual([])
  })
})
