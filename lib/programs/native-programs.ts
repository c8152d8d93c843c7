// The article's programs as files readers run with their own python3 against this site
// (public/programs/), and what the page says about each.
import type { PythonStrategyId } from '@/lib/engine/run-model'

export interface NativeProgram {
  /** The anchor on /run-locally, linked from the chapter that shows the program. */
  id: 'io-sync' | 'io-threads' | 'io-asyncio' | 'io-processes' | 'cpu-processes'
  file: string
  strategy: PythonStrategyId
  title: string
  /** The chapter whose listing this is. */
  chapter: string
  /** What it needs beyond the standard library. */
  needs: 'requests' | 'aiohttp' | null
  /** Whether it talks to the latency route (and so takes --base-url). */
  io: boolean
  /** The article's own figure on the author's machine, ms. */
  articleMs: number
}

/** Shared by every program: the command-line options, the clock and the export format, defined once. */
export const sharedProgramFile = 'lab_export.py'

export const nativePrograms: readonly NativeProgram[] = [
  {
    id: 'io-sync',
    file: 'io_sync.py',
    strategy: 'py-sequential',
    title: '同步版本',
    chapter: 'io-synchronous',
    needs: 'requests',
    io: true,
    articleMs: 14_300,
  },
  {
    id: 'io-threads',
    file: 'io_threads.py',
    strategy: 'py-threads',
    title: '多线程版本',
    chapter: 'io-threading',
    needs: 'requests',
    io: true,
    articleMs: 3_700,
  },
  {
    id: 'io-asyncio',
    file: 'io_asyncio.py',
    strategy: 'py-asyncio',
    title: 'asyncio 版本',
    chapter: 'io-asyncio',
    needs: 'aiohttp',
    io: true,
    articleMs: 2_600,
  },
  {
    id: 'io-processes',
    file: 'io_processes.py',
    strategy: 'py-processes',
    title: '多进程版本',
    chapter: 'io-multiprocessing',
    needs: 'requests',
    io: true,
    articleMs: 5_700,
  },
  {
    id: 'cpu-processes',
    file: 'cpu_processes.py',
    strategy: 'py-cpu-processes',
    title: '计算密集型的多进程版本',
    chapter: 'cpu-bound',
    needs: null,
    io: false,
    articleMs: 2_500,
  },
]

/** Where the files are served from. */
export const programsPath = '/programs'

/** One command that downloads every program and the shared helper into the current folder. */
export function downloadCommand(origin: string): string {
  const files = [sharedProgramFile, ...nativePrograms.map((program) => program.file)]
  return `curl -f --remote-name-all ${files.map((file) => `${origin}${programsPath}/${file}`).join(' ')}`
}

/** The command that runs one program against this site. */
export function runCommand(program: NativeProgram, origin: string): string {
  return program.io ? `python3 ${program.file} --base-url ${origin}` : `python3 ${program.file}`
}

/** The lab with the knobs the programs' default run uses: 160 downloads averaging 90 ± 20 ms. */
export const labLinkForPrograms = '/lab?demo=io&sites=160&latency=90&jitter=20'
