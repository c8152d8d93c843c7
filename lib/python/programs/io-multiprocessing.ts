// The chapter's 多进程版本 (io-multiprocessing.mdx, Python listing 1) as it runs in the browser.
import { type PythonProgram, poolNote, seededRequestsNote } from './program'

export const ioMultiprocessing: PythonProgram = {
  title: '多进程版本',
  strategy: 'py-processes',
  workload: 'io',
  chapter: 'io-multiprocessing',
  listing: 0,
  jobFunction: null,
  runtimeNotes: [poolNote, seededRequestsNote],
  changes: [
    {
      original: 'import requests',
      browser: 'from pyodide.http import pyxhr',
      why: '浏览器里的 Python 没有 requests，换成 pyodide.http.pyxhr（同步请求，正像每个进程里的 requests）',
    },
    {
      original: '    session = requests.Session()',
      browser: '    session = pyxhr',
      why: '没有 Session 可开：每个进程的“会话”就是 pyxhr 模块',
    },
    {
      original:
        '    with session.get(url) as resp:\n        who = multiprocessing.current_process().name\n        print(f"{who}：从 {url} 读到 {len(resp.content)} 字节")',
      browser: '    resp = session.get(url)\n    who = multiprocessing.current_process().name\n    print(f"{who}：从 {url} 读到 {len(resp.content)} 字节")',
      why: 'pyxhr 的响应不是上下文管理器',
    },
    {
      original: '    urls = ["https://www.jython.org", "http://olympus.realpython.org/dice"] * 80',
      browser: '    urls = ["/api/latency?site=jython", "/api/latency?site=olympus"] * 80',
      why: '真实网站不允许别的网页跨域读取它们的内容，我们要测的也是并发模型而不是你的网络：改用本站的模拟延迟服务器，jython 和 olympus 两档模仿原文的两个网站',
    },
  ],
  source: String.raw`import multiprocessing
import time

from pyodide.http import pyxhr

session = None  # 每个进程里都有自己的一份


def init_session():
    global session
    session = pyxhr


def fetch(url):
    resp = session.get(url)
    who = multiprocessing.current_process().name
    print(f"{who}：从 {url} 读到 {len(resp.content)} 字节")


def fetch_all(urls):
    with multiprocessing.Pool(initializer=init_session) as pool:
        pool.map(fetch, urls)


if __name__ == "__main__":
    urls = ["/api/latency?site=jython", "/api/latency?site=olympus"] * 80
    t0 = time.perf_counter()
    fetch_all(urls)
    print(f"下载了 {len(urls)} 个页面，用时 {time.perf_counter() - t0:.1f} 秒")
`,
}
