import { evaluate, type EvaluateOptions } from '@mdx-js/mdx'
import rehypeShiki from '@shikijs/rehype'
import type { MDXContent } from 'mdx/types'
import rehypeAutolinkHeadings from 'rehype-autolink-headings'
import rehypeSlug from 'rehype-slug'
import remarkGfm from 'remark-gfm'
import type { ShikiTransformer } from 'shiki'
import { VFile } from 'vfile'
import { rehypeStaticHtml } from './static-html'
import { rehypeCollectToc, type TocEntry } from './toc'

/** The only grammars loaded at build time: loading all of them doubles the build. */
export const courseLanguages = ['python', 'ts', 'tsx', 'js', 'bash', 'shell', 'text', 'json'] as const

/** Puts the fence's language on <pre> so code tabs and the copy button can label it. */
const languageAttribute: ShikiTransformer = {
  name: 'concurrency-lab:language-attribute',
  pre(node) {
    node.properties['data-language'] = this.options.lang
  },
}

export interface CompiledChapter {
  Content: MDXContent
  toc: TocEntry[]
}

/**
 * Compiles a chapter's MDX at build time (pages are statically generated), so shiki and the
 * MDX compiler never reach a client chunk. `runtime` is react/jsx-runtime, passed in to keep
 * this module free of React.
 */
export async function compileChapterMdx(
  source: string,
  path: string,
  runtime: Pick<EvaluateOptions, 'Fragment' | 'jsx' | 'jsxs'>,
  { staticHtml = true }: { /** Off only to compare against (tests). */ staticHtml?: boolean } = {},
): Promise<CompiledChapter> {
  const file = new VFile({ value: source, path })
  const { default: Content } = await evaluate(file, {
    ...runtime,
    remarkPlugins: [remarkGfm],
    rehypePlugins: [
      rehypeSlug,
      // Before the anchors are appended, so TOC text is the heading's own text.
      rehypeCollectToc,
      [
        rehypeAutolinkHeadings,
        {
          behavior: 'append',
          properties: { className: ['heading-anchor'], ariaHidden: 'true', tabIndex: -1 },
          content: { type: 'text', value: '#' },
        },
      ],
      [
        rehypeShiki,
        {
          // The -default variants meet WCAG AA contrast on our code background; one grey is darkened.
          themes: { light: 'github-light-default', dark: 'github-dark-default' },
          colorReplacements: { 'github-light-default': { '#6e7781': '#59636e' } },
          langs: [...courseLanguages],
          transformers: [languageAttribute],
        },
      ],
      // Last: hands React plain HTML for everything that needs no component.
      ...(staticHtml ? [rehypeStaticHtml] : []),
    ],
  })
  return { Content, toc: file.data.toc ?? [] }
}
