"""asyncio 版本：一个 aiohttp.ClientSession，每个网址一个任务，asyncio.gather 等它们全部完成。

    python3 io_asyncio.py --base-url http://localhost:3000
"""

import asyncio

import aiohttp

import lab_export


async def fetch_page(session, url):
    async with session.get(url) as resp:
        body = await resp.read()
        return resp.status, len(body)


async def fetch_all(urls):
    async with aiohttp.ClientSession() as session:
        # 时间线上的一行就是一个任务；aiohttp 默认最多同时开 100 条连接。
        tasks = [asyncio.ensure_future(lab_export.measure_async(job, job, fetch_page, session, url)) for job, url in enumerate(urls)]
        return await asyncio.gather(*tasks), session.connector.limit


if __name__ == "__main__":
    options = lab_export.io_options("asyncio 版本：一个线程里的事件循环同时等待所有下载。", "run-io-asyncio.json")
    urls = lab_export.site_urls(options)
    run = lab_export.Run("io", "py-asyncio")
    measurements, connection_limit = asyncio.run(fetch_all(urls))
    elapsed = run.stop()
    print(f"下载了 {len(urls)} 个页面，用时 {elapsed:.1f} 秒")
    params = lab_export.io_params(options, pool_size=connection_limit)
    raise SystemExit(lab_export.save(run.record(measurements, params, f"aiohttp {aiohttp.__version__}"), options.out))
