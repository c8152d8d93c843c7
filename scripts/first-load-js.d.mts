export interface FirstLoadJs {
  path: string
  files: number
  raw: number
  gzip: number
  inlineGzip: number
}
export function measureFirstLoadJs(base: string, path: string): Promise<FirstLoadJs>
export const firstLoadBudgets: { chapter: number; home: number; lab: number }
