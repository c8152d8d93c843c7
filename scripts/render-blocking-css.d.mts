export interface RenderBlockingCss {
  path: string
  files: number
  raw: number
  gzip: number
}
export interface RenderBlockingCssBudget {
  files: number
  gzip: number
}
export function measureRenderBlockingCss(base: string, path: string): Promise<RenderBlockingCss>
export const renderBlockingCssBudgets: { chapter: RenderBlockingCssBudget; home: RenderBlockingCssBudget; lab: RenderBlockingCssBudget }
