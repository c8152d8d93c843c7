"""同步版本：一个 requests.Session，一个接一个地下载。

    python3 io_sync.py --base-url http://localhost:3000
"""

import requests

import lab_export


def fetch_page(session, url):
    with session.get(url) as resp:
        return resp.status_code, len(resp.content)


def fetch_all(urls):
    with requests.Session() as session:
        return [lab_export.measure(job, 0, fetch_page, session, url) for job, url in enumerate(urls)]


if __name__ == "__main__":
    options = lab_export.io_options("同步版本：按顺序下载，一次只有一个请求在路上。", "run-io-sync.json")
    urls = lab_export.site_urls(options)
    run = lab_export.Run("io", "py-sequential")
    measurements = fetch_all(urls)
    elapsed = run.stop()
    print(f"下载了 {len(urls)} 个页面，用时 {elapsed:.1f} 秒")
    params = lab_export.io_params(options, pool_size=1)
    raise SystemExit(lab_export.save(run.record(measurements, params, f"requests {requests.__version__}"), options.out))
