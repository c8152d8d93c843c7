'use client'

import { createContext, useContext, type ReactNode } from 'react'

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
  return <SeriesNamesContext.Provider value={{ ...outer, ...value }}>{children}</SeriesNamesContext.Provider>
}

export function useTotalsSeriesNames(): SeriesNames {
  return useContext(SeriesNamesContext)
}
