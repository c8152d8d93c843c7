// Chinese copy lint over content/: spacing between CJK and Latin/digits, full-width punctuation.
// Uses autocorrect (autocorrect-node), the maintained checker STYLE.md names.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import autocorrect from 'autocorrect-node'

const directory = 'content'
const files = readdirSync(directory).filter((name) => name.endsWith('.mdx'))
let problems = 0
for (const file of files) {
  const path = join(directory, file)
  // autocorrect knows Markdown; MDX prose is Markdown as far as copy rules go.
  const result = autocorrect.lintFor(readFileSync(path, 'utf8'), path.replace(/\.mdx$/, '.md'))
  if (result.error) {
    console.error(`${path}: ${result.error}`)
    problems++
    continue
  }
  for (const line of result.lines.filter((entry) => entry.severity === 1)) {
    problems++
    console.error(`${path}:${line.l}:${line.c}\n  - ${line.old.trim()}\n  + ${line.new.trim()}`)
  }
}
console.log(`copy lint: ${files.length} chapters, ${problems} problems`)
process.exit(problems ? 1 : 0)
