// What a runnable Python listing is: the chapter's own program with the smallest changes the
// browser forces, each named with its reason (a unit test checks that applying them to the
// chapter's listing gives exactly this source), and what the runtime adds around it.
import type { PythonStrategyId, WorkloadKind } from '@/lib/engine/run-model'

export interface ListingChange {
  /** The chapter's lines. */
  original: string
  /** The lines that run here. */
  browser: string
  /** Why, in Chinese, shown beside the listing. */
  why: string
}

export interface PythonProgram {
  title: string
  strategy: PythonStrategyId
  workload: WorkloadKind
  /** The chapter (content/<chapter>.mdx) and which of its ```python listings this is, from 0. */
  chapter: string
  listing: number
  source: string
  changes: readonly ListingChange[]
  /** What the runtime does around the program, in Chinese (not a change to its text). */
  runtimeNotes: readonly string[]
  /** A function each of whose calls is one job (span); null: the requests are the jobs. */
  jobFunction: string | null
  /** The program cannot succeed here: the explanation shown beside its error. */
  expectedFailure?: string
}

/** The chapter's listing with the changes applied, in order; each original must occur once. */
export function applyListingChanges(listing: string, changes: readonly ListingChange[]): string {
  let text = listing
  for (const change of changes) {
    if (text.split(change.original).length !== 2) throw new Error(`listing change not found exactly once: ${change.original.split('\n')[0]}`)
    text = text.replace(change.original, () => change.browser)
  }
  return text
}

export const seededRequestsNote =
  '运行环境给每个 /api/latency 请求加上唯一的 seed 参数：浏览器的 HTTP 缓存会让同一网址的并发请求互相排队，加上它，请求才会真正同时发出，时间线也能从资源计时里认出每个请求。'
export const poolNote =
  '这里的 Python 没有 multiprocessing.Pool（不能创建进程），运行环境换上了一个同名的池：每个工作进程是一个 Web Worker，里面各自启动一个完整的 CPython 解释器，以 __mp_main__ 的身份导入这个程序（和 spawn 方式一样），再一次领一个任务。第一次运行要等这些解释器启动，这个时间算在程序自己的计时里。'

/** The article's two web sites, replaced by the site's own latency server in every I/O listing. */
export const latencyServerChanges: readonly ListingChange[] = [
  {
    original: '"https://www.jython.org"',
    browser: '"/api/latency?site=jython"',
    why: '真实网站不允许别的网页跨域读取它们的内容，我们要测的也是并发模型而不是你的网络：改用本站的模拟延迟服务器，jython 和 olympus 两档模仿原文的两个网站',
  },
  { original: '"http://olympus.realpython.org/dice"', browser: '"/api/latency?site=olympus"', why: '同上：第二个网站也换成本站的模拟服务器' },
]

/** The CPU listings' size, made smaller by default: WebAssembly CPython is a few times slower than a native one. */
export const cpuSizeChange: ListingChange = {
  original: '    numbers = [5_000_000 + x for x in range(20)]',
  browser: '    numbers = [1_000_000 + x for x in range(20)]',
  why: '浏览器里的 Python（WebAssembly）比本机的 CPython 慢约 4 倍：默认每个数从 5_000_000 改为 1_000_000，一次运行几秒；用下面的“规模”调整',
}

/** The article's list of 160 downloads, as the I/O listings that name it URLS write it. */
export const latencyUrls = String.raw`URLS = [
    "/api/latency?site=jython",
    "/api/latency?site=olympus",
] * 80`

/** The timed \`__main__\` block the synchronous and threaded listings share with the article. */
export const timedFetchAllMain = String.raw`if __name__ == "__main__":
    began = time.perf_counter()
    fetch_all(URLS)
    elapsed = time.perf_counter() - began
    print(f"下载了 {len(URLS)} 个页面，用时 {elapsed:.1f} 秒")`
