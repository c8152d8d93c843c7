// The lab's links carry a Python program too: ?demo=io&strategy=py-asyncio reopens it.
import { describe, expect, it } from 'vitest'
import { parseLabUrl, serializeLabUrl } from '@/lib/lab/url-state'
import { pythonProgramFor } from '@/lib/python/programs'

describe('the lab URL with a Python strategy', () => {
  it('keeps a Python program of the chosen demo, and round-trips it', () => {
    const { state, problems } = parseLabUrl(new URLSearchParams('demo=io&strategy=py-asyncio'))
    expect(problems).toEqual([])
    expect(state.strategy).toBe('py-asyncio')
    expect(serializeLabUrl(state).get('strategy')).toBe('py-asyncio')
    expect(parseLabUrl(new URLSearchParams('demo=cpu&strategy=py-cpu-processes')).state.strategy).toBe('py-cpu-processes')
  })

  it('falls back to the demo’s first strategy for a Python program of the other demo', () => {
    expect(parseLabUrl(new URLSearchParams('demo=cpu&strategy=py-asyncio')).state.strategy).toBe('sequential')
  })

  it('finds the listing that runs each Python strategy', () => {
    expect(pythonProgramFor('py-asyncio')).toBe('io-asyncio')
    expect(pythonProgramFor('py-threads')).toBe('io-threading')
    expect(pythonProgramFor('py-cpu-processes')).toBe('cpu-processes')
  })
})
