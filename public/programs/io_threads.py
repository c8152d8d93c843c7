"""多线程版本：ThreadPoolExecutor(max_workers=5)，每个线程用自己的 requests.Session。

    python3 io_threads.py --base-url http://localhost:3000
"""

import concurrent.futures
import threading

import requests

import lab_export

# requests.Session 不是线程安全的：每个线程各建一个，存在线程本地存储里。
_local = threading.local()


def session_for_this_thread():
    session = getattr(_local, "session", None)
    if session is None:
        session = _local.session = requests.Session()
    return session


def fetch_page(url):
    with session_for_this_thread().get(url) as resp:
        return resp.status_code, len(resp.content)


def timed_fetch(job_and_url):
    job, url = job_and_url
    # 时间线上的一行就是一个线程。
    return lab_export.measure(job, threading.get_ident(), fetch_page, url)


def fetch_all(urls, max_workers):
    with concurrent.futures.ThreadPoolExecutor(max_workers=max_workers) as executor:
        return list(executor.map(timed_fetch, enumerate(urls)))


if __name__ == "__main__":
    options = lab_export.io_options("多线程版本：线程池里的线程同时下载。", "run-io-threads.json", pool_size=5)
    urls = lab_export.site_urls(options)
    run = lab_export.Run("io", "py-threads")
    measurements = fetch_all(urls, options.pool_size)
    elapsed = run.stop()
    print(f"下载了 {len(urls)} 个页面，用时 {elapsed:.1f} 秒")
    params = lab_export.io_params(options, pool_size=options.pool_size)
    raise SystemExit(lab_export.save(run.record(measurements, params, f"requests {requests.__version__}"), options.out))
