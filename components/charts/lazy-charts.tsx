'use client'

// The recharts charts, loaded when one first comes near the screen rather than with the page:
// recharts and its dependencies are about 400 KB of script, and evaluating them cost the lab
// about 0.3 s of main thread at load on this machine (a CPU profile of /lab), for charts that
// usually sit below the fold until a run has data for them. A chart starts loading once the page
// has loaded and it is near the screen; until then it waits in a box of its final size, so
// nothing moves when it arrives.
import dynamic from 'next/dynamic'
import { useEffect, useRef, useState, type ComponentProps, type ComponentType } from 'react'
import { afterLoadWhenIdle } from '@/lib/browser/after-load'
import { chartBoxes, chartBoxStyle, type ChartBox } from './chart-boxes'
import { ChartNote } from './ChartNote'
import type * as FrameGapChartModule from './FrameGapChart'
import type * as InFlightChartModule from './InFlightChart'
import type * as SweepChartModule from './SweepChart'
import type * as TotalsChartModule from './TotalsChart'
import noteStyles from './ChartNote.module.css'

function ChartPlaceholder({ box }: { box: ChartBox }) {
  return <div className={noteStyles.placeholder} aria-hidden="true" style={chartBoxStyle(box)} />
}

/**
 * What a chart's loader resolves to when its script cannot be fetched (offline, with the chart
 * never opened while online): a note in the chart's box instead of an error that takes the
 * whole demo down.
 */
function unavailable<P extends object>(box: ChartBox): ComponentType<P> {
  return function ChartUnavailable() {
    return (
      <ChartNote box={box} role="note">
        图表没能加载（可能已离线）；联网后刷新页面即可看到。
      </ChartNote>
    )
  }
}

/**
 * A chart's box while a run is in progress, for charts that show a finished run only: the page
 * below keeps its place instead of moving up at the run's start and down at its end.
 */
export function ChartAfterRun({ chart }: { chart: 'frameGap' | 'inFlight' }) {
  return <ChartNote box={chart === 'frameGap' ? frameGapBox : inFlightBox}>运行结束后显示这次的结果</ChartNote>
}

function whenNearScreen<P extends object>(Chart: ComponentType<P>, box: ChartBox): ComponentType<P> {
  function NearScreenChart(props: P) {
    const placeholder = useRef<HTMLDivElement>(null)
    const [near, setNear] = useState(false)
    useEffect(() => {
      const element = placeholder.current
      if (near || !element) return
      const observer = new IntersectionObserver(
        (entries) => {
          if (!entries.some((entry) => entry.isIntersecting)) return
          observer.disconnect()
          setNear(true)
        },
        { rootMargin: '200px' },
      )
      const cancelWait = afterLoadWhenIdle(() => observer.observe(element))
      return () => {
        cancelWait()
        observer.disconnect()
      }
    }, [near])
    if (near) return <Chart {...props} />
    return (
      <div ref={placeholder}>
        <ChartPlaceholder box={box} />
      </div>
    )
  }
  return NearScreenChart
}

const { totals: totalsBox, sweep: sweepBox, inFlight: inFlightBox, frameGap: frameGapBox } = chartBoxes

export const TotalsChart = whenNearScreen(
  dynamic(
    () =>
      import('./TotalsChart').then(
        (module) => module.TotalsChart,
        () => unavailable<ComponentProps<typeof TotalsChartModule.TotalsChart>>(totalsBox),
      ),
    { ssr: false, loading: () => <ChartPlaceholder box={totalsBox} /> },
  ),
  totalsBox,
)
export const SweepChart = whenNearScreen(
  dynamic(
    () =>
      import('./SweepChart').then(
        (module) => module.SweepChart,
        () => unavailable<ComponentProps<typeof SweepChartModule.SweepChart>>(sweepBox),
      ),
    { ssr: false, loading: () => <ChartPlaceholder box={sweepBox} /> },
  ),
  sweepBox,
)
export const InFlightChart = whenNearScreen(
  dynamic(
    () =>
      import('./InFlightChart').then(
        (module) => module.InFlightChart,
        () => unavailable<ComponentProps<typeof InFlightChartModule.InFlightChart>>(inFlightBox),
      ),
    { ssr: false, loading: () => <ChartPlaceholder box={inFlightBox} /> },
  ),
  inFlightBox,
)
export const FrameGapChart = whenNearScreen(
  dynamic(
    () =>
      import('./FrameGapChart').then(
        (module) => module.FrameGapChart,
        () => unavailable<ComponentProps<typeof FrameGapChartModule.FrameGapChart>>(frameGapBox),
      ),
    { ssr: false, loading: () => <ChartPlaceholder box={frameGapBox} /> },
  ),
  frameGapBox,
)
