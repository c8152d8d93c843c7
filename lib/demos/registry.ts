// Every demo a chapter may place with <Demo id="…" />, and what it accepts: the one list that the
// chapter compile checks, the demo loader renders and the lab offers. React-free, so the build
// and Node tests read it too.
import type { StrategyId } from '@/lib/engine/types'

export interface DemoDescriptor {
  /** The demo's name in Chinese, for its loading box and notices. */
  name: string
  /** Strategies `focus` may name: the card shown first. */
  focus: readonly StrategyId[]
  /** Values `variant` may take; the first is the default. Empty: the demo has none. */
  variants: readonly string[]
  /** Values `program` may take (the Python listings a runner can run). Empty: the demo takes none. */
  programs: readonly string[]
  /** Offered in /lab. */
  inLab: boolean
}

/** The Python listings <Demo id="python" program="…" /> can run: lib/python/programs (a unit test keeps the two lists equal). */
export const pythonProgramIds = ['io-synchronous', 'io-threading', 'io-asyncio', 'io-multiprocessing', 'cpu-sequential', 'cpu-processes'] as const

export const demoRegistry = {
  io: { name: 'I/O 密集型下载演示', focus: ['sequential', 'pool', 'async', 'workers'], variants: [], programs: [], inLab: true },
  'io-sweep': { name: '池大小扫描', focus: [], variants: [], programs: [], inLab: false },
  cpu: { name: '计算密集型演示', focus: ['sequential', 'async', 'async-yield', 'workers'], variants: [], programs: [], inLab: true },
  race: { name: '竞态条件演示', focus: [], variants: ['shared-memory', 'async'], programs: [], inLab: true },
  'event-loop': { name: '事件循环逐步演示', focus: [], variants: ['downloads', 'blocking', 'yielding'], programs: [], inLab: false },
  python: { name: 'Python 运行器', focus: [], variants: [], programs: pythonProgramIds, inLab: false },
} as const satisfies Record<string, DemoDescriptor>

export type DemoId = keyof typeof demoRegistry

export const demoIds = Object.keys(demoRegistry) as DemoId[]

/** The demos /lab offers, in the registry's order. */
export type LabDemo = { [K in DemoId]: (typeof demoRegistry)[K]['inLab'] extends true ? K : never }[DemoId]

export const labDemos: readonly LabDemo[] = demoIds.filter((id): id is LabDemo => demoRegistry[id].inLab)

export function isDemoId(id: string): id is DemoId {
  return Object.hasOwn(demoRegistry, id)
}
