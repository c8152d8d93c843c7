import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseRunsFile } from '@/lib/import/runs-file'
import { downloadCommand, nativePrograms, runCommand, sharedProgramFile } from '@/lib/programs/native-programs'

const directory = 'public/programs'

/** The first python3 that runs; the checks that need one are skipped without it. */
const python = ['python3', '/usr/bin/python3'].find((candidate) => spawnSync(candidate, ['--version']).status === 0)

function runPython(args: string[], input?: string) {
  return spawnSync(python!, args, { cwd: directory, input, encoding: 'utf8', env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } })
}

describe('the programs readers run with their own python3', () => {
  it('are all served, with the helper they share, and nothing else', () => {
    const expected = [sharedProgramFile, ...nativePrograms.map((program) => program.file)].sort()
    expect(readdirSync(directory).sort()).toEqual(expected)
  })

  it('get commands with the site’s own address', () => {
    const threads = nativePrograms.find((program) => program.id === 'io-threads')!
    const cpu = nativePrograms.find((program) => program.id === 'cpu-processes')!
    expect(runCommand(threads, 'https://lab.example')).toBe('python3 io_threads.py --base-url https://lab.example')
    expect(runCommand(cpu, 'https://lab.example')).toBe('python3 cpu_processes.py')
    const download = downloadCommand('https://lab.example')
    for (const file of [sharedProgramFile, ...nativePrograms.map((program) => program.file)]) {
      expect(download).toContain(`https://lab.example/programs/${file}`)
    }
  })

  it.skipIf(!python)(
    'compile with python3, warnings as errors',
    () => {
      for (const file of readdirSync(directory)) {
        // compile() rather than py_compile: no __pycache__ left in public/.
        const result = runPython([
          '-W',
          'error',
          '-c',
          'import sys\nwith open(sys.argv[1], encoding="utf-8") as f:\n    compile(f.read(), sys.argv[1], "exec")',
          file,
        ])
        expect(result.stderr, file).toBe('')
        expect(result.status, file).toBe(0)
      }
      // One python3 start per program: a second or two on a busy machine.
    },
    60_000,
  )

  it.skipIf(!python)('write runs the lab imports: the helper’s output passes the lab’s own schema', () => {
    // Two threads' downloads (one failing) and a CPU job, through lab_export alone (no network, no requests).
    const script = `
import json, sys, types, lab_export
M = lab_export.Measurement
io = lab_export.Run("io", "py-threads")
o = io.origin
ms = [M(0, 111, o + 0.001, o + 0.101, 200, 10966, None, None), M(1, 222, o + 0.002, o + 0.080, 503, 40, None, None),
      M(2, 111, o + 0.101, o + 0.190, None, 0, "ConnectionError: refused", None)]
io.stop()
options = types.SimpleNamespace(ms=None, sites=3, base_url="http://127.0.0.1:3000")
cpu = lab_export.Run("cpu", "py-cpu-processes")
c = [M(0, 9, cpu.origin, cpu.origin + 0.2, None, 0, None, str(41666654166667500000))]
runs = [io.record(ms, lab_export.io_params(options, pool_size=5), "requests 2.x"),
        cpu.record(c, {"base": 5000000, "jobs": 1, "workerCount": 2}, None)]
print(json.dumps({"format": lab_export.EXPORT_FORMAT, "version": lab_export.EXPORT_VERSION, "runs": runs}, ensure_ascii=False))
`
    const result = runPython(['-c', script])
    expect(result.stderr).toBe('')
    const parsed = parseRunsFile(result.stdout)
    expect(parsed.ok ? '' : parsed.error).toBe('')
    if (!parsed.ok) return
    const [io, cpu] = parsed.runs
    expect(io).toMatchObject({
      runtime: 'native-python',
      strategy: 'py-threads',
      maxInFlight: 2,
      environment: { protocol: 'http/1.1', crossOriginIsolated: false },
    })
    expect(io?.runtimeVersion).toMatch(/^CPython 3\./)
    expect(io?.params).toMatchObject({ sites: 3, latencyMs: 90, jitterMs: 20, poolSize: 5, hosts: 1, origins: ['http://127.0.0.1:3000'] })
    expect(io?.spans.map((span) => [span.job, span.lane, span.ok])).toEqual([
      [0, 0, true],
      [1, 1, false],
      [2, 0, false],
    ])
    expect(io?.spans[0]?.detail).toBe('200 · 10.7 KB · 100 ms')
    expect(io?.spans[1]?.failure).toEqual({ kind: 'http', status: 503 })
    expect(io?.spans[2]?.failure).toEqual({ kind: 'network', message: 'ConnectionError: refused' })
    expect(cpu?.spans[0]).toMatchObject({ ok: true, value: '41666654166667500000' })
  })

  it.skipIf(!python)('refuse a base URL that is not http(s), in Chinese', () => {
    const result = runPython(['-c', 'import sys, lab_export\nsys.argv = ["io_sync.py", "--base-url", "ftp://x"]\nlab_export.io_options("d", "out.json")'])
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('--base-url 必须以 http:// 或 https:// 开头')
  })
})
