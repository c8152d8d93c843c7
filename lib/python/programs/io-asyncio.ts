// The chapter's asyncio 版本 (io-asyncio.mdx, Python listing 1) as it runs in the browser.
import { latencyServerChanges, latencyUrls, type PythonProgram, seededRequestsNote } from './program'

export const ioAsyncio: PythonProgram = {
  title: 'asyncio 版本',
  strategy: 'py-asyncio',
  workload: 'io',
  chapter: 'io-asyncio',
  listing: 0,
  jobFunction: null,
  runtimeNotes: [seededRequestsNote],
  changes: [
    {
      original: 'import aiohttp',
      browser: 'from pyodide.http import pyfetch',
      why: '浏览器里的 Python 没有 aiohttp；pyodide.http.pyfetch 是浏览器 fetch 的异步包装，await 它时事件循环可以去运行别的任务',
    },
    ...latencyServerChanges,
    {
      original: '    async with session.get(url) as resp:\n        body = await resp.read()\n        return len(body)',
      browser: '    resp = await session(url)\n    body = await resp.bytes()\n    return len(body)',
      why: 'pyfetch 的响应不是异步上下文管理器，读响应体用 bytes() 而不是 read()',
    },
    {
      original:
        '    async with aiohttp.ClientSession() as session:\n        tasks = [asyncio.ensure_future(fetch_page(session, url)) for url in urls]\n        return await asyncio.gather(*tasks)',
      browser: '    session = pyfetch\n    tasks = [asyncio.ensure_future(fetch_page(session, url)) for url in urls]\n    return await asyncio.gather(*tasks)',
      why: '浏览器自己管理连接，没有 ClientSession：把 pyfetch 当作“会话”传下去',
    },
  ],
  source: String.raw`import asyncio
import time

from pyodide.http import pyfetch

${latencyUrls}


async def fetch_page(session, url):
    resp = await session(url)
    body = await resp.bytes()
    return len(body)


async def fetch_all(urls):
    session = pyfetch
    tasks = [asyncio.ensure_future(fetch_page(session, url)) for url in urls]
    return await asyncio.gather(*tasks)


if __name__ == "__main__":
    began = time.perf_counter()
    sizes = asyncio.run(fetch_all(URLS))  # 需要 Python 3.7 或更新
    elapsed = time.perf_counter() - began
    print(f"下载了 {len(sizes)} 个页面，用时 {elapsed:.1f} 秒")
`,
}
