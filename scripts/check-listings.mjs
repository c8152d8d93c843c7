// Every program listing in the chapters must be a program: each ```ts / ```tsx fence is type-checked
// (one TypeScript program, each listing its own module) and each ```python fence is compiled by
// python3 (one process for all). Failures name content/<file>:<line>; the exit code is 1 on any.
// A listing named in its fence meta (```ts file="sum-of-squares.ts") can be imported by the chapter's
// other listings ('./sum-of-squares'); one may opt out only with a reason: ```ts nocheck="…"
// (docs/authoring.md).
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { createProcessor } from '@mdx-js/mdx'
import matter from 'gray-matter'
import remarkGfm from 'remark-gfm'
import ts from 'typescript'
import { visit } from 'unist-util-visit'

const contentDirectory = 'content'
const typeScriptLanguages = new Set(['ts', 'tsx'])
const pythonLanguages = new Set(['python'])

/** The fence meta that skips a listing; its value is the reason, which may not be empty. */
const skipPattern = /(?:^|\s)nocheck(?:=(?:"([^"]*)"|'([^']*)'|(\S+)))?(?=\s|$)/

/** The fence meta naming a listing's module, for the chapter's other listings to import. */
const fileNamePattern = /(?:^|\s)file=(?:"([^"]+)"|'([^']+)'|(\S+))/

// Parse only, with the chapter compile's syntax (MDX + GFM), so fences inside <CodeTabs> are found.
const parser = createProcessor({ remarkPlugins: [remarkGfm] })

/** @typedef {{ file: string, line: number, lang: string, code: string }} Listing */

/** Fences of the given file, with the line of each fence's first code line in the file. */
function listingsOf(file) {
  const raw = readFileSync(join(contentDirectory, file), 'utf8')
  const { content } = matter(raw)
  // Blank lines in place of the frontmatter keep every position a line of the file.
  const frontmatterLines = raw.endsWith(content) ? raw.slice(0, raw.length - content.length).split('\n').length - 1 : 0
  const tree = parser.parse('\n'.repeat(frontmatterLines) + content)
  const found = []
  visit(tree, 'code', (node) => {
    if (!node.lang || !node.position) return
    found.push({ file, line: node.position.start.line + 1, lang: node.lang, meta: node.meta ?? '', code: node.value })
  })
  return found
}

const failures = []
const byFileAndLine = (a, b) => {
  const [, fileA = '', lineA = '0'] = /^([^:]*):(\d+)/.exec(a) ?? []
  const [, fileB = '', lineB = '0'] = /^([^:]*):(\d+)/.exec(b) ?? []
  return fileA.localeCompare(fileB) || Number(lineA) - Number(lineB)
}
const fail = (listing, line, message) => failures.push(`content/${listing.file}:${listing.line + line}: ${message}`)

const all = readdirSync(contentDirectory)
  .filter((name) => name.endsWith('.mdx'))
  .sort()
  .flatMap(listingsOf)
const checked = []
let skipped = 0
for (const listing of all) {
  if (!typeScriptLanguages.has(listing.lang) && !pythonLanguages.has(listing.lang)) continue
  const skip = skipPattern.exec(listing.meta)
  if (skip) {
    const reason = (skip[1] ?? skip[2] ?? skip[3] ?? '').trim()
    if (reason === '') fail(listing, 0, `\`nocheck\` needs a reason: \`\`\`${listing.lang} nocheck="why this listing cannot be checked"`)
    else skipped++
    continue
  }
  checked.push(listing)
}
const typeScript = checked.filter((listing) => typeScriptLanguages.has(listing.lang))
const python = checked.filter((listing) => pythonLanguages.has(listing.lang))

// TypeScript: a reader's browser module (strict, ES2022, DOM), in memory beside the project so
// `import 'react'` in a tsx listing resolves; `export {}` makes every listing its own module.
const { options, errors: optionErrors } = ts.convertCompilerOptionsFromJson(
  {
    strict: true,
    target: 'ES2022',
    lib: ['es2022', 'dom', 'dom.iterable'],
    module: 'esnext',
    moduleResolution: 'bundler',
    jsx: 'react-jsx',
    noEmit: true,
    skipLibCheck: true,
    types: [],
  },
  process.cwd(),
)
const virtualRoot = resolve('.listings')
const virtualFiles = new Map()
for (const listing of typeScript) {
  const named = fileNamePattern.exec(listing.meta)
  const name = named ? (named[1] ?? named[2] ?? named[3]) : `line-${listing.line}.${listing.lang}`
  const path = join(virtualRoot, listing.file.replace(/\.mdx$/, ''), name)
  if (virtualFiles.has(path)) fail(listing, 0, `another listing of this chapter is already named ${name}`)
  virtualFiles.set(path, { listing, text: `${listing.code}\nexport {}\n` })
}
const virtualDirectories = new Set([...virtualFiles.keys()].map((path) => dirname(path)))
const host = ts.createCompilerHost(options)
const { getSourceFile, fileExists, readFile } = host
host.fileExists = (name) => virtualFiles.has(resolve(name)) || fileExists.call(host, name)
host.directoryExists = (name) => virtualDirectories.has(resolve(name)) || ts.sys.directoryExists(name)
host.readFile = (name) => virtualFiles.get(resolve(name))?.text ?? readFile.call(host, name)
host.getSourceFile = (name, languageVersion, ...rest) => {
  const virtual = virtualFiles.get(resolve(name))
  return virtual ? ts.createSourceFile(name, virtual.text, languageVersion, true) : getSourceFile.call(host, name, languageVersion, ...rest)
}
const program = ts.createProgram({ rootNames: [...virtualFiles.keys()], options, host })
for (const diagnostic of [...optionErrors, ...ts.getPreEmitDiagnostics(program)]) {
  const message = `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`
  const virtual = diagnostic.file && virtualFiles.get(resolve(diagnostic.file.fileName))
  if (virtual && diagnostic.start !== undefined) {
    fail(virtual.listing, diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line, message)
  } else {
    failures.push(`TypeScript (${diagnostic.file?.fileName ?? 'options'}): ${message}`)
  }
}

// Python: compile() (not only ast.parse) also rejects `return` or `await` outside a function;
// warnings (an invalid escape such as "\d") count, as a reader on a newer Python sees them.
const pythonChecker = `
import json, sys, warnings
warnings.simplefilter("error")
out = []
for index, code in enumerate(json.load(sys.stdin)):
    try:
        compile(code, "<listing>", "exec", dont_inherit=True)
    except (SyntaxError, ValueError, Warning) as error:
        line = getattr(error, "lineno", None) or 1
        out.append([index, line, f"{type(error).__name__}: {getattr(error, 'msg', None) or error}"])
print(json.dumps(out))
`
let pythonVersion = ''
if (python.length > 0) {
  const result = spawnSync('python3', ['-c', pythonChecker], { input: JSON.stringify(python.map((listing) => listing.code)), encoding: 'utf8' })
  if (result.error) {
    console.error(`python3 could not be run (${result.error.message}): the Python listings cannot be checked. Install Python 3.`)
    process.exit(1)
  }
  if (result.status !== 0) {
    console.error(`python3 failed while checking the listings:\n${result.stderr}`)
    process.exit(1)
  }
  for (const [index, line, message] of JSON.parse(result.stdout)) fail(python[index], line - 1, message)
  pythonVersion = spawnSync('python3', ['--version'], { encoding: 'utf8' }).stdout.trim()
}

for (const failure of failures.sort(byFileAndLine)) console.error(failure)
console.log(
  `listings: ${typeScript.length} TypeScript type-checked (TypeScript ${ts.version}), ${python.length} Python compiled` +
    `${pythonVersion ? ` (${pythonVersion})` : ''}, ${skipped} skipped with a reason; ${failures.length} problems`,
)
process.exit(failures.length ? 1 : 0)
