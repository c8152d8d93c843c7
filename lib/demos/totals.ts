/** One strategy's bars in a totals chart: this browser's run, the model and the article, ms. */
export interface TotalsRow {
  name: string
  /** Measured in this browser; absent until the strategy has run. */
  measured?: number
  /** The article's program on the reader's own python3, imported into the lab. */
  native?: number
  /** The model's prediction. */
  model?: number
  /** The article's Python figure. */
  article?: number
}
