import Link from 'next/link'

export const metadata = { title: '页面不存在' }

export default function NotFound() {
  return (
    <main id="main-content" className="not-found" tabIndex={-1}>
      <p className="not-found-code">404</p>
      <h1>这一页不存在</h1>
      <p>你要找的页面可能已改名或被移走。可以从首页的章节列表重新开始阅读。</p>
      <p>
        <Link href="/" className="button-primary">
          回到首页
        </Link>
      </p>
    </main>
  )
}
