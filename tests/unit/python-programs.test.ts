// The listings that run are the chapters' own: each is its chapter's ```python listing with
// exactly the named changes applied. The registry offers exactly these programs.
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { pythonProgramIds } from '@/lib/demos/registry'
import { checkDemoAttributes } from '@/lib/content/demo-check'
import { checkKnob, readCpuSize, readLatency, readSites, writeCpuBase, writeLatency, writeSites } from '@/lib/python/program-knobs'
import { pythonPrograms } from '@/lib/python/programs'
import { applyListingChanges } from '@/lib/python/programs/program'
import { pyodideFiles, pyodideVersion } from '@/lib/python/pyodide-files'
import { pyodideFileNames } from '../../scripts/copy-pyodide.mjs'

const root = join(import.meta.dirname, '../..')

function pythonListings(chapter: string): string[] {
  const text = readFileSync(join(root, 'content', `${chapter}.mdx`), 'utf8')
  return [...text.matchAll(/```python[^\n]*\n([\s\S]*?)```/g)].map((match) => match[1]!)
}

describe('the runnable Python listings', () => {
  it.each(Object.entries(pythonPrograms))('%s is its chapter’s listing with exactly the named changes', (_, program) => {
    const listing = pythonListings(program.chapter)[program.listing]
    expect(listing).toBeDefined()
    expect(applyListingChanges(listing!, program.changes)).toBe(program.source)
    for (const change of program.changes) expect(change.why.length).toBeGreaterThan(5)
  })

  it('are what the demo registry offers, and the chapter compile refuses any other', () => {
    expect([...pythonProgramIds].sort()).toEqual(Object.keys(pythonPrograms).sort())
    expect(checkDemoAttributes({ id: 'python', program: 'io-asyncio' })).toBeNull()
    expect(checkDemoAttributes({ id: 'python', program: 'io-trio' })).toMatch(/no program "io-trio"/)
    expect(checkDemoAttributes({ id: 'python' })).toMatch(/needs a program/)
    expect(checkDemoAttributes({ id: 'io', program: 'io-asyncio' })).toMatch(/no program/)
  })

  it('each chapter that has a runnable listing places its runner', () => {
    for (const [id, program] of Object.entries(pythonPrograms)) {
      const text = readFileSync(join(root, 'content', `${program.chapter}.mdx`), 'utf8')
      expect(text, id).toContain(`<Demo id="python" program="${id}" />`)
    }
  })
})

describe('the knobs rewrite the listing itself', () => {
  const source = pythonPrograms['io-asyncio'].source
  it('sites are twice the repeat of the two URLs; latency is an ms= on both', () => {
    expect(readSites(source)).toBe(160)
    const edited = writeLatency(writeSites(source, 12), 200)
    expect(readSites(edited)).toBe(12)
    expect(edited).toContain('"/api/latency?site=jython&ms=200&jitter=0"')
    expect(edited).toContain('"/api/latency?site=olympus&ms=200&jitter=0"')
    expect(readLatency(edited)).toBe(200)
    expect(writeLatency(edited, null)).toBe(writeSites(source, 12))
  })

  it('the CPU size is the program’s own first number, written the chapter’s way', () => {
    const cpu = pythonPrograms['cpu-sequential'].source
    expect(readCpuSize(cpu)).toEqual({ base: 1_000_000, jobs: 20 })
    expect(writeCpuBase(cpu, 2_500_000)).toContain('numbers = [2_500_000 + x for x in range(20)]')
    expect(checkKnob(0, { min: 1, max: 10 }, '规模')).toBe('规模必须是 1 到 10 之间的整数')
    expect(checkKnob(1.5, { min: 1, max: 10 }, '规模')).not.toBeNull()
  })
})

describe('the self-hosted Pyodide files', () => {
  it('are the pinned package’s, with the sizes the loading bar expects', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'node_modules/pyodide/package.json'), 'utf8')) as { version: string }
    expect(pkg.version).toBe(pyodideVersion)
    expect(pyodideFileNames).toEqual(pyodideFiles.map((file) => file.name))
    for (const file of pyodideFiles) expect(statSync(join(root, 'node_modules/pyodide', file.name)).size, file.name).toBe(file.bytes)
  })
})
