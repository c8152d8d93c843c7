import Link from 'next/link'
import { IntentLink } from '@/components/layout/IntentLink'
import { ClearReadingButtonAfterLoad, ContinueReadingAfterLoad, FinishedMarkAfterLoad } from '@/components/layout/lazy-after-load'
import { getChapterList } from '@/lib/content/chapters'

export default function HomePage() {
  const chapters = getChapterList()
  const first = chapters[0]
  return (
    <main id="main-content" className="home" tabIndex={-1}>
      <section className="hero">
        <p className="hero-eyebrow">《Speed Up Your Python Program With Concurrency》交互式中文版</p>
        <h1>在你自己的浏览器里，看见并发</h1>
        <p className="hero-lead">
          这里不是别人跑好的示意图。每一章讲到的程序，都会在你的浏览器里真正运行：顺序下载、线程池、异步和 Web Worker
          四种写法向我们自己的模拟延迟服务器发出请求，每一个请求何时开始、何时结束，都实时画在图上。
        </p>
        <p className="hero-actions">
          {/* A returning reader's place, from this browser's storage: only the client knows it. */}
          <ContinueReadingAfterLoad chapters={chapters.map(({ slug, title }) => ({ slug, title }))} />
          {first ? (
            <IntentLink href={`/learn/${first.slug}`} className="button-primary start-reading">
              开始阅读：{first.title}
            </IntentLink>
          ) : null}
          <ClearReadingButtonAfterLoad />
        </p>
      </section>
      <section aria-labelledby="chapter-list-heading" className="home-chapters">
        <h2 id="chapter-list-heading">章节</h2>
        <ol className="chapter-cards">
          {chapters.map((chapter) => (
            <li key={chapter.slug}>
              <Link href={`/learn/${chapter.slug}`} className="chapter-card" prefetch={false}>
                <span className="chapter-card-title">{chapter.title}</span>
                <span className="chapter-card-summary">{chapter.summary}</span>
                <FinishedMarkAfterLoad slug={chapter.slug} />
              </Link>
            </li>
          ))}
        </ol>
      </section>
      <section className="home-about" aria-labelledby="about-heading">
        <h2 id="about-heading">给谁用</h2>
        <ul>
          <li>
            <strong>读者</strong>：按章节读下来，在每种写法旁点「运行」，亲眼看到等待如何重叠、CPU 如何被占满。
          </li>
          <li>
            <strong>老师</strong>：把图表投到教室的屏幕上，调节参数，再把这次实验的链接发给学生。
          </li>
        </ul>
      </section>
    </main>
  )
}
