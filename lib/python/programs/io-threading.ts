// The chapter's 多线程版本 (io-threading.mdx, Python listing 1) as it runs in the browser.
import { latencyServerChanges, latencyUrls, timedFetchAllMain, type PythonProgram, seededRequestsNote } from './program'

export const ioThreading: PythonProgram = {
  title: '多线程版本',
  strategy: 'py-threads',
  workload: 'io',
  chapter: 'io-threading',
  listing: 0,
  jobFunction: null,
  runtimeNotes: [seededRequestsNote],
  expectedFailure:
    "这个浏览器里的 Python 不能启动线程：WebAssembly 版的 CPython 编译时没有线程支持（浏览器里的线程只能是 Web Worker，而 Worker 之间不共享 Python 的内存），所以 ThreadPoolExecutor 一提交任务就抛出 RuntimeError: can't start new thread。线程池的效果请看本章用 JavaScript 并发池写的演示。",
  changes: [
    {
      original: 'import requests',
      browser: 'from pyodide.http import pyxhr',
      why: '浏览器里的 Python 没有 requests，换成 pyodide.http.pyxhr（同步请求）',
    },
    ...latencyServerChanges,
    {
      original: '        session = _local.session = requests.Session()',
      browser: '        session = _local.session = pyxhr',
      why: '没有 Session 可开：每个线程的“会话”就是 pyxhr 模块',
    },
    {
      original: '    with session_for_this_thread().get(url) as resp:\n        return len(resp.content)',
      browser: '    resp = session_for_this_thread().get(url)\n    return len(resp.content)',
      why: 'pyxhr 的响应不是上下文管理器',
    },
  ],
  source: String.raw`import concurrent.futures
import threading
import time

from pyodide.http import pyxhr

${latencyUrls}

_local = threading.local()


def session_for_this_thread():
    session = getattr(_local, "session", None)
    if session is None:
        session = _local.session = pyxhr
    return session


def fetch_page(url):
    resp = session_for_this_thread().get(url)
    return len(resp.content)


def fetch_all(urls):
    with concurrent.futures.ThreadPoolExecutor(max_workers=5) as executor:
        for url, size in zip(urls, executor.map(fetch_page, urls)):
            print(f"{url}：{size} 字节")


${timedFetchAllMain}
`,
}
