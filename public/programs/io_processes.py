"""多进程版本：multiprocessing.Pool(initializer=...)，每个进程在初始化时建一个 requests.Session。

    python3 io_processes.py --base-url http://localhost:3000
"""

import multiprocessing
import os

import requests

import lab_export

session = None  # 每个进程里都有自己的一份


def init_session():
    global session
    session = requests.Session()


def fetch_page(url):
    with session.get(url) as resp:
        return resp.status_code, len(resp.content)


def timed_fetch(job_and_url):
    job, url = job_and_url
    # 时间线上的一行就是一个进程。
    return lab_export.measure(job, os.getpid(), fetch_page, url)


def fetch_all(urls, processes):
    with multiprocessing.Pool(processes, initializer=init_session) as pool:
        return pool.map(timed_fetch, enumerate(urls))


if __name__ == "__main__":
    options = lab_export.io_options("多进程版本：每个 CPU 核一个进程，各自下载分到的网址。", "run-io-processes.json", processes=True)
    urls = lab_export.site_urls(options)
    run = lab_export.Run("io", "py-processes")
    measurements = fetch_all(urls, options.processes)
    elapsed = run.stop()
    print(f"下载了 {len(urls)} 个页面，用时 {elapsed:.1f} 秒")
    params = lab_export.io_params(options, pool_size=options.processes, processes=options.processes)
    raise SystemExit(lab_export.save(run.record(measurements, params, f"requests {requests.__version__}"), options.out))
