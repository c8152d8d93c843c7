// The chapter's 同步版本 (io-synchronous.mdx, Python listing 1) as it runs in the browser.
import { latencyServerChanges, latencyUrls, timedFetchAllMain, type PythonProgram, seededRequestsNote } from './program'

export const ioSynchronous: PythonProgram = {
  title: '同步版本',
  strategy: 'py-sequential',
  workload: 'io',
  chapter: 'io-synchronous',
  listing: 0,
  jobFunction: null,
  runtimeNotes: [seededRequestsNote],
  changes: [
    {
      original: 'import requests',
      browser: 'from pyodide.http import pyxhr',
      why: '浏览器里的 Python 没有 requests；pyodide.http.pyxhr 用同步的 XMLHttpRequest 发请求，像 requests 一样一直等到响应回来才往下走',
    },
    ...latencyServerChanges,
    {
      original: '    with session.get(url) as resp:\n        return len(resp.content)',
      browser: '    resp = session.get(url)\n    return len(resp.content)',
      why: 'pyxhr 的响应不是上下文管理器：没有连接要归还',
    },
    {
      original:
        '    with requests.Session() as session:\n        for url in urls:\n            size = fetch_page(session, url)\n            print(f"{url}：{size} 字节")',
      browser: '    session = pyxhr\n    for url in urls:\n        size = fetch_page(session, url)\n        print(f"{url}：{size} 字节")',
      why: '浏览器自己管理连接池，没有 Session 可开：把 pyxhr 模块当作“会话”传下去',
    },
  ],
  source: String.raw`import time

from pyodide.http import pyxhr

${latencyUrls}


def fetch_page(session, url):
    resp = session.get(url)
    return len(resp.content)


def fetch_all(urls):
    session = pyxhr
    for url in urls:
        size = fetch_page(session, url)
        print(f"{url}：{size} 字节")


${timedFetchAllMain}
`,
}
