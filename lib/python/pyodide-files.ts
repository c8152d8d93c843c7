// The self-hosted Pyodide: which version, where the build puts its files (scripts/copy-pyodide.mjs
// copies them from node_modules), and how big each one is, for the loading bar. The version is in
// the path, so the files are immutable and cached for a year.

export const pyodideVersion = '314.0.8'
export const pythonVersion = '3.14.2'
/** What a Python run records as its runtimeVersion. */
export const pyodideRuntimeVersion = `CPython ${pythonVersion} (Pyodide ${pyodideVersion})`
export const pyodideBaseUrl = `/pyodide/${pyodideVersion}/`

export interface PyodideFile {
  name: string
  /** Uncompressed size: the loading bar counts decompressed bytes, whatever the transfer encoding. */
  bytes: number
  /** Fetched with fetch() (counted by the bar) rather than imported as a module. */
  fetched: boolean
}

export const pyodideFiles: readonly PyodideFile[] = [
  { name: 'pyodide.mjs', bytes: 17_758, fetched: false },
  { name: 'pyodide.asm.mjs', bytes: 1_250_259, fetched: false },
  { name: 'pyodide.asm.wasm', bytes: 9_597_892, fetched: true },
  { name: 'python_stdlib.zip', bytes: 2_545_550, fetched: true },
  { name: 'pyodide-lock.json', bytes: 119_077, fetched: true },
]

export const pyodideFetchedBytes = pyodideFiles.filter((file) => file.fetched).reduce((sum, file) => sum + file.bytes, 0)

/** The expected size of a fetched Pyodide file, by URL; undefined for any other URL. */
export function pyodideFileBytes(url: string): number | undefined {
  const name = url.split('?')[0]?.split('/').pop()
  return pyodideFiles.find((file) => file.fetched && file.name === name)?.bytes
}
