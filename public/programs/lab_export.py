"""并发实验室的程序共用的部分：命令行参数、网址列表、计时，以及按实验室的导出格式写出运行记录。

把它和 io_*.py、cpu_processes.py 放在同一个文件夹里。写出的 JSON 文件可以在实验室（/lab）里
「导入运行记录」，和浏览器里的运行画在同一张时间线和总用时图上。
"""

import argparse
import asyncio
import collections
import datetime
import json
import os
import platform
import sys
import time
import uuid

# 下载页会把这一行换成你打开页面时的地址；用 --base-url 可以改成别的地址。
DEFAULT_BASE_URL = "http://localhost:3000"

EXPORT_FORMAT = "concurrency-lab/runs"
EXPORT_VERSION = 2

# 原文的两个网站在本站延迟接口里的替身：(平均延迟毫秒, 抖动毫秒)，和 lib/latency/profiles.ts 一致。
SITE_PROFILES = {"jython": (105, 25), "olympus": (75, 15)}

# 一次下载的结果。start、end 是 time.perf_counter() 的读数：同一台机器上各个进程共用这只钟，
# 所以进程池里各进程量到的时间也能放进同一条时间线。
Measurement = collections.namedtuple("Measurement", "job lane_key start end status size error value")


def io_options(description, default_out, *, pool_size=None, processes=False):
    """I/O 程序的命令行参数。"""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--base-url", default=DEFAULT_BASE_URL, help=f"实验室网站的地址（默认 {DEFAULT_BASE_URL}）")
    parser.add_argument("--sites", type=_positive, default=160, help="下载次数，两个网站轮流（默认 160，和原文一样）")
    parser.add_argument("--ms", type=_latency, default=None, help="改成每次固定等待这么多毫秒（0 到 10000），以便和实验室里同样设置的运行对比")
    parser.add_argument("--out", default=default_out, help=f"运行记录写到哪个文件（默认 {default_out}）")
    if pool_size is not None:
        parser.add_argument("--pool-size", type=_positive, default=pool_size, help=f"线程池的大小（默认 {pool_size}，和原文一样）")
    if processes:
        parser.add_argument("--processes", type=_positive, default=os.cpu_count() or 1, help="进程数（默认等于 CPU 核数）")
    options = parser.parse_args()
    options.base_url = options.base_url.rstrip("/")
    if not options.base_url.startswith(("http://", "https://")):
        parser.error("--base-url 必须以 http:// 或 https:// 开头")
    return options


def cpu_options(description, default_out):
    """CPU 程序的命令行参数。"""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--processes", type=_positive, default=os.cpu_count() or 1, help="进程数（默认等于 CPU 核数）；1 表示不开进程池，在主进程里依次计算")
    parser.add_argument("--base", type=_positive, default=5_000_000, help="第一个数 n（默认 5000000，和原文一样）")
    parser.add_argument("--count", type=_positive, default=20, help="一共算几个数（默认 20）")
    parser.add_argument("--out", default=default_out, help=f"运行记录写到哪个文件（默认 {default_out}）")
    return parser.parse_args()


def _positive(text):
    value = int(text)
    if value < 1 or value > 100_000_000:
        raise argparse.ArgumentTypeError("必须是 1 到 100000000 之间的整数")
    return value


def _latency(text):
    value = int(text)
    if value < 0 or value > 10_000:
        raise argparse.ArgumentTypeError("必须是 0 到 10000 之间的整数（毫秒）")
    return value


def site_urls(options):
    """要下载的网址：和原文一样两个网站轮流；给了 --ms 时每次都固定等待那么久。"""
    if options.ms is not None:
        return [f"{options.base_url}/api/latency?ms={options.ms}&size=2048"] * options.sites
    names = list(SITE_PROFILES)
    return [f"{options.base_url}/api/latency?site={names[job % len(names)]}" for job in range(options.sites)]


def measure(job, lane_key, fetch, *args):
    """计时执行一次下载。fetch 返回 (状态码, 字节数)；出错时记下异常，不让它打断其他下载。"""
    start = time.perf_counter()
    try:
        status, size = fetch(*args)
        return Measurement(job, lane_key, start, time.perf_counter(), status, size, None, None)
    except Exception as error:
        return Measurement(job, lane_key, start, time.perf_counter(), None, 0, _describe(error), None)


async def measure_async(job, lane_key, fetch, *args):
    """measure 的 asyncio 版本：fetch 是协程函数。"""
    start = time.perf_counter()
    try:
        status, size = await fetch(*args)
        return Measurement(job, lane_key, start, time.perf_counter(), status, size, None, None)
    except asyncio.CancelledError:
        raise
    except Exception as error:
        return Measurement(job, lane_key, start, time.perf_counter(), None, 0, _describe(error), None)


def measure_sum(job, lane_key, compute, n):
    """计时执行一次计算，记下精确结果。"""
    start = time.perf_counter()
    value = compute(n)
    return Measurement(job, lane_key, start, time.perf_counter(), None, 0, None, str(value))


def _describe(error):
    return f"{type(error).__name__}: {error}"[:200]


def _format_bytes(size):
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.2f} MB"


class Run:
    """一次运行：开始时记下时钟，结束时把所有 Measurement 变成实验室的运行记录。"""

    def __init__(self, workload, strategy):
        self.workload = workload
        self.strategy = strategy
        self.started_at = datetime.datetime.now(datetime.timezone.utc)
        self.origin = time.perf_counter()
        self.total_ms = None

    def stop(self):
        self.total_ms = (time.perf_counter() - self.origin) * 1000
        return self.total_ms / 1000

    def spans(self, measurements):
        # 通道编号按第一次出现的先后排：线程 id、进程号这些原始值本身没有意义。
        lanes = {}
        for item in sorted(measurements, key=lambda m: m.start):
            lanes.setdefault(item.lane_key, len(lanes))
        spans = []
        for item in sorted(measurements, key=lambda m: m.job):
            start = round((item.start - self.origin) * 1000, 3)
            end = round((item.end - self.origin) * 1000, 3)
            span = {"job": item.job, "lane": lanes[item.lane_key], "start": start, "end": end}
            if item.value is not None:
                span.update(ok=True, detail=f"Σ = {item.value}", value=item.value)
            elif item.error is not None:
                span.update(ok=False, detail=f"网络错误 · {item.error}", failure={"kind": "network", "message": item.error})
            else:
                ok = 200 <= item.status < 400
                span.update(ok=ok, detail=f"{item.status} · {_format_bytes(item.size)} · {round(end - start)} ms")
                if not ok:
                    span["failure"] = {"kind": "http", "status": item.status}
            spans.append(span)
        return spans

    def record(self, measurements, params, library):
        """实验室导出格式里的一条运行记录（与 lib/engine/run-model.ts 的 runSchema 一致）。"""
        if self.total_ms is None:
            self.stop()
        spans = self.spans(measurements)
        version = f"{platform.python_implementation()} {platform.python_version()}"
        return {
            "id": f"native-{uuid.uuid4()}",
            "workload": self.workload,
            "strategy": self.strategy,
            "runtime": "native-python",
            "runtimeVersion": version,
            "params": params,
            "spans": spans,
            "totalMs": round(self.total_ms, 3),
            "status": "done",
            "maxInFlight": _peak_in_flight(spans),
            "environment": {
                "protocol": "http/1.1" if self.workload == "io" else None,
                "cores": os.cpu_count(),
                "crossOriginIsolated": False,
                "browser": f"{version} · {platform.system() or '未知系统'}" + (f" · {library}" if library else ""),
            },
            "startedAt": self.started_at.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        }


def io_params(options, *, pool_size, processes=0):
    """IoRunParams：和浏览器的 I/O 运行记下的字段相同。"""
    if options.ms is not None:
        latency, jitter = options.ms, 0
    else:
        # 两个网站轮流，平均延迟和平均抖动都取两者的平均。
        latency = round(sum(ms for ms, _ in SITE_PROFILES.values()) / len(SITE_PROFILES))
        jitter = round(sum(j for _, j in SITE_PROFILES.values()) / len(SITE_PROFILES))
    return {
        "sites": options.sites,
        "latencyMs": latency,
        "jitterMs": jitter,
        "poolSize": pool_size,
        "workers": processes,
        "hosts": 1,
        "seed": "",
        "workerCount": processes,
        "timeScale": 1,
        "origins": [options.base_url],
    }


def _peak_in_flight(spans):
    events = sorted([(s["start"], 1) for s in spans] + [(s["end"], -1) for s in spans], key=lambda e: (e[0], e[1]))
    peak = current = 0
    for _, change in events:
        current += change
        peak = max(peak, current)
    return peak


def save(record, path):
    """写出实验室的导出文件，并告诉读者下一步做什么。"""
    with open(path, "w", encoding="utf-8") as file:
        json.dump({"format": EXPORT_FORMAT, "version": EXPORT_VERSION, "runs": [record]}, file, ensure_ascii=False, indent=2)
        file.write("\n")
    failed = [span for span in record["spans"] if not span["ok"]]
    if failed:
        print(f"注意：{len(failed)} 次下载失败，第一次是：{failed[0]['detail']}", file=sys.stderr)
        print("请检查 --base-url 是否就是实验室网站的地址。", file=sys.stderr)
    print(f"运行记录已写入 {os.path.abspath(path)}：在实验室页面点「导入运行记录」，或把文件拖到页面上。")
    return 1 if failed else 0
