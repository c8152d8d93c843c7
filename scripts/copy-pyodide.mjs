// Before `next build`: copies the Pyodide files the Python runtime loads from node_modules/pyodide
// into public/pyodide/<version>/ (gitignored: they are 13 MB, never committed). The version in the
// path makes every file immutable, so next.config.ts lets browsers cache them for a year.
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** What loadPyodide() fetches or imports; no package wheels (the runtime uses only the standard library). */
export const pyodideFileNames = ['pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json']

export function copyPyodide() {
  const source = path.join(projectRoot, 'node_modules/pyodide')
  const { version } = JSON.parse(readFileSync(path.join(source, 'package.json'), 'utf8'))
  const root = path.join(projectRoot, 'public/pyodide')
  // Only this version's folder: an older copy would be served forever under its old path.
  rmSync(root, { recursive: true, force: true })
  const target = path.join(root, version)
  mkdirSync(target, { recursive: true })
  for (const name of pyodideFileNames) copyFileSync(path.join(source, name), path.join(target, name))
  console.log(`public/pyodide/${version}: ${pyodideFileNames.length} files copied from node_modules/pyodide`)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) copyPyodide()
