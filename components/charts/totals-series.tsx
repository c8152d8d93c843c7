'use client'

import { createContext, useContext, useMemo, type ReactNode } from 'react'

/** The names of the totals chart's three series, as its legend and tooltip show them. */
export interface SeriesNames {
  measured: string
  model: string
  article: string
}

const defaultSeriesNames: SeriesNames = { measured: '本次测量（浏览器）', model: '模型预测', article: '原文 Python' }

const SeriesNamesContext = createContext<SeriesNames>(defaultSeriesNames)

/**
 * Renames series of the totals charts inside it: the CPU demo says at which size its article bars
 * are. A context rather than a prop, so the figure between the demo and the chart (caption,
 * screen-reader table) need not forward it.
 */
export function TotalsSeriesNames({ value, children }: { value: Partial<SeriesNames>; children: ReactNode }) {
  const outer = useContext(SeriesNamesContext)
  const { measured, model, article } = value
  // The same object while the names stay: a new one on every render of the demo (four a second
  // during a run) re-rendered the memoized chart, and its legend's re-measure cost a second commit.
  const names = useMemo(
    () => ({ measured: measured ?? outer.measured, model: model ?? outer.model, article: article ?? outer.article }),
    [outer, measured, model, article],
  )
  return <SeriesNamesContext.Provider value={names}>{children}</SeriesNamesContext.Provider>
}

export function useTotalsSeriesNames(): SeriesNames {
  return useContext(SeriesNamesContext)
}
