import { createElement, Fragment, type ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { jsx, jsxs } from 'react/jsx-runtime'
import { describe, expect, it } from 'vitest'
import { CodeBlock } from '@/components/mdx/CodeBlock'
import { StaticHtml } from '@/components/mdx/StaticHtml'
import { chapterCompileOptions, componentTags } from '@/components/mdx/registry'
import { getChapters } from '@/lib/content/chapters'
import { chapterContent, compileMdx, loadGlossaryEntries } from '@/lib/content/compile-chapter'

const runtime = { Fragment, jsx, jsxs }

// A marker element in place of StaticHtml's div, so the wrapper can be removed from the markup
// unambiguously and the rest compared with the page React would render without the plugin.
const components = {
  pre: CodeBlock,
  Note: ({ children }: { children: ReactNode }) => createElement('aside', { className: 'note' }, children),
  // The chapters' other components, as elements named after them (their own tests cover them).
  ...Object.fromEntries(
    ['Answer', 'CodeTabs', 'Demo', 'Exercise', 'Figure', 'Hint', 'Warning', 'YouWillLearn'].map((name) => [
      name,
      ({ children }: { children?: ReactNode }) => createElement(`x-${name.toLowerCase()}`, null, children),
    ]),
  ),
  StaticHtml: ({ html }: { html: string }) => createElement('x-static', { dangerouslySetInnerHTML: { __html: html } }),
}

const namedReferences: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0' }

/**
 * Markup spelled one way: React writes `&lt;` where hast-util-to-html writes `&#x3C;`, and
 * `hidden=""` where it writes `hidden`; React leaves out the line breaks between a table's rows.
 * Each pair is the same page.
 */
function sameReferences(markup: string): string {
  return markup
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (reference, body: string) => {
      if (body.startsWith('#x') || body.startsWith('#X')) return String.fromCodePoint(parseInt(body.slice(2), 16))
      if (body.startsWith('#')) return String.fromCodePoint(Number(body.slice(1)))
      return namedReferences[body] ?? reference
    })
    .replaceAll(' hidden=""', ' hidden')
    .replace(/<table>[\s\S]*?<\/table>/g, (table) => table.replace(/>\n+</g, '><'))
}

const glossary = await loadGlossaryEntries(chapterCompileOptions)

async function render(source: string, staticHtml: boolean, tags: ReadonlySet<string> = componentTags): Promise<string> {
  const { code } = await compileMdx(source, { file: 'sample.mdx', ...chapterCompileOptions, componentTags: tags, staticHtml, glossary })
  const Content = await chapterContent(code, runtime)
  return renderToStaticMarkup(createElement(Content, { components }))
}

const sample = [
  '## 什么是并发',
  '一段文字，带 **粗体**、`code` 和 [链接](/learn/io-asyncio)。',
  '- 列表一\n- 列表二',
  '<Note>\n\n提示里的 *文字*。\n\n</Note>',
  '含 <Term id="GIL">GIL</Term> 的段落也是纯文本。',
  '```python\nimport asyncio\n\nasync def main():\n    await asyncio.sleep(1)\n```',
  '| 策略 | 用时 |\n| --- | --- |\n| 顺序 | 14 秒 |',
  '> 引用',
].join('\n\n')

describe('rehypeStaticHtml', () => {
  it('renders the same page as React would, with the plain blocks as HTML', async () => {
    const withPlugin = await render(sample, true)
    const without = await render(sample, false)
    expect(withPlugin).toContain('<x-static>')
    expect(sameReferences(withPlugin.replace(/<\/?x-static>/g, ''))).toBe(sameReferences(without))
  })

  it('keeps components and code blocks out of the HTML runs, and takes in terms, tables and the text inside a callout', async () => {
    const markup = await render(sample, true)
    const runs = [...markup.matchAll(/<x-static>([\s\S]*?)<\/x-static>/g)].map((match) => match[1]!)
    // Heading to list; the callout's text; the term's paragraph; the table and the quote.
    expect(runs).toHaveLength(4)
    expect(runs[0]).toContain('id="什么是并发"')
    expect(runs[0]).toContain('<ul>')
    expect(markup).toContain('<aside class="note"><x-static><p>提示里的 <em>文字</em>。</p></x-static></aside>')
    expect(runs[2]!.trim()).toMatch(/^<p>含 <span class="[^"]+"><a href="\/learn\/glossary#gil"[^>]* data-term=""[^>]*>GIL<\/a>/)
    expect(runs[3]!.trim()).toMatch(/^<div class="table-scroll"><table>[\s\S]*<blockquote>/)
    expect(runs.join('')).not.toMatch(/<aside|<pre/)
    // The code block keeps its component (bar, copy button) and its highlighted lines.
    expect(markup).toMatch(
      /<div class="[^"]*" data-code-block="true">[\s\S]*data-testid="copy-code"[\s\S]*<pre class="shiki[^"]*"[^>]*data-language="python"[^>]*><code><span class="line">/,
    )
  })

  it('changes no chapter: every chapter renders the same markup with and without it', async () => {
    const chapters = getChapters()
    expect(chapters.length).toBeGreaterThan(10)
    for (const chapter of chapters) {
      const withPlugin = await render(chapter.body, true)
      expect(withPlugin, chapter.file).toContain('<x-static>')
      expect(sameReferences(withPlugin.replace(/<\/?x-static>/g, '')), chapter.file).toBe(sameReferences(await render(chapter.body, false)))
    }
  }, 120_000)

  it('StaticHtml renders its HTML in a box-less div', () => {
    expect(renderToStaticMarkup(createElement(StaticHtml, { html: '<p>文字</p>' }))).toBe('<div class="static-html"><p>文字</p></div>')
  })
})

describe('the chapter component map', () => {
  it('is where the static-HTML tag list comes from: its lowercase keys', async () => {
    const { mdxComponents } = await import('@/components/mdx/registry')
    const replacedTags = Object.keys(mdxComponents).filter((name) => /^[a-z]/.test(name))
    expect([...componentTags].sort()).toEqual(replacedTags.sort())
    expect(componentTags).toContain('pre')
  })

  it('keeps a tag the map replaces out of the HTML runs, whichever tag that is', async () => {
    const source = '段落一。\n\n> 引用\n\n段落二。'
    const asHtml = await render(source, true)
    expect(asHtml).toMatch(/<x-static>[^]*<blockquote>[^]*<\/x-static>/)
    const asComponent = await render(source, true, new Set([...componentTags, 'blockquote']))
    const runs = [...asComponent.matchAll(/<x-static>([\s\S]*?)<\/x-static>/g)].map((match) => match[1]!)
    expect(runs).toHaveLength(2)
    expect(runs.join('')).not.toContain('<blockquote>')
    expect(asComponent).toContain('<blockquote>')
  })
})
