import type { ChapterCompileOptions } from '@/lib/content/compile-chapter'

/**
 * The chapter page's compile options (components/mdx/registry.tsx's chapterCompileOptions), written
 * out with readable class names: lib tests need no React or CSS modules. static-html.test.ts
 * checks the page's own.
 */
export const testCompileOptions: ChapterCompileOptions = {
  componentTags: new Set(['pre']),
  proseContainers: new Set(['Note', 'Warning', 'YouWillLearn', 'Exercise', 'Hint', 'Answer']),
  termClassNames: { wrapper: 'term-wrapper', term: 'term', popover: 'term-popover', title: 'term-title', link: 'term-link' },
}
