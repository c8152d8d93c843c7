import type { LabDemo } from '@/lib/demos/registry'

/**
 * The code of each demo the lab shows. The lab page loads the chosen one; its loader starts that
 * fetch beside the lab page's own, so the demo's chunk does not wait for the lab's to arrive and run.
 */
export const labDemoModules = {
  io: () => import('@/components/demos/io/IoDemo'),
  cpu: () => import('@/components/demos/cpu/CpuDemo'),
  race: () => import('@/components/demos/race/RaceDemo'),
} satisfies Record<LabDemo, () => Promise<unknown>>

function isLabDemo(value: string): value is LabDemo {
  return Object.hasOwn(labDemoModules, value)
}

/** Starts fetching the demo a lab address asks for (`?demo=`; the I/O demo without one). Failures are the lab page's to show. */
export function preloadLabDemo(search: string): void {
  const demo = new URLSearchParams(search).get('demo') ?? 'io'
  if (isLabDemo(demo)) labDemoModules[demo]().catch(() => undefined)
}
