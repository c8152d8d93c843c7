/**
 * A value built the first time it is asked for, then kept. For zod schemas: building one costs
 * far more than most checks with it (the run model alone took about 11 ms of main thread on this
 * machine, before any check ran), and a first visit to the lab or a chapter checks nothing.
 */
export function onFirstUse<T>(build: () => T): () => T {
  let built: { value: T } | undefined
  return () => (built ??= { value: build() }).value
}
