import type { CSSProperties } from 'react'

/**
 * Each recharts chart's box: the full width, a height from the width (aspect ratio), bounded.
 * The charts and the placeholders that stand in for them before they load (lazy-charts.tsx)
 * both size themselves from here, so nothing moves when a chart arrives. The minimum keeps a
 * phone's chart readable: at 2:1 a 310 px wide chart was 155 px tall, its plot under 60 px
 * once the axis and a two-line legend took their share.
 */
export interface ChartBox {
  aspectRatio: number
  minHeight: number
  maxHeight: number
}

export const chartBoxes = {
  totals: { aspectRatio: 2, minHeight: 240, maxHeight: 340 },
  sweep: { aspectRatio: 2, minHeight: 240, maxHeight: 340 },
  inFlight: { aspectRatio: 3, minHeight: 180, maxHeight: 260 },
  frameGap: { aspectRatio: 3, minHeight: 160, maxHeight: 240 },
} as const satisfies Record<string, ChartBox>

export function chartBoxStyle(box: ChartBox): CSSProperties {
  // minWidth 0: with an aspect ratio, a minimum height would otherwise also set a minimum width
  // (min-height × ratio) and push a phone's chart past the screen's edge.
  return { width: '100%', minWidth: 0, aspectRatio: box.aspectRatio, minHeight: box.minHeight, maxHeight: box.maxHeight }
}
