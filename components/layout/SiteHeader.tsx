import Link from 'next/link'
import { SearchBox } from '@/components/search/SearchBox'
import type { ChapterLink } from './ChapterNav'
import { IntentLink } from './IntentLink'
import { MobileMenu } from './MobileMenu'
import { ThemeToggle } from './ThemeToggle'

export function SiteHeader({ chapters }: { chapters: ChapterLink[] }) {
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <MobileMenu chapters={chapters} />
        <IntentLink href="/" className="site-title">
          <span aria-hidden="true" className="site-logo">
            ⇉
          </span>
          并发实验室
          <span className="site-title-en" lang="en">
            Concurrency Lab
          </span>
        </IntentLink>
        <nav aria-label="站点" className="site-links">
          <IntentLink href={`/learn/${chapters[0]?.slug ?? ''}`}>阅读</IntentLink>
          <IntentLink href="/learn/glossary">术语表</IntentLink>
          {/* No prefetch: from a page that is not cross-origin isolated, a click here loads the lab as a new document
              (IsolatedPageNavigation), so a prefetched payload would never be used; it cost every page's load. */}
          <Link href="/lab" prefetch={false}>
            实验室
          </Link>
          <IntentLink href="/run-locally">本机运行</IntentLink>
        </nav>
        <SearchBox />
        <ThemeToggle />
      </div>
    </header>
  )
}
