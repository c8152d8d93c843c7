"""计算密集型的多进程版本：multiprocessing.Pool 把 20 个 sum(i * i) 分给各个 CPU 核。

    python3 cpu_processes.py
    python3 cpu_processes.py --processes 1    # 不开进程池，对比同步版本
"""

import multiprocessing
import os

import lab_export


def sum_of_squares(n):
    return sum(i * i for i in range(n))


def timed_sum(job_and_n):
    job, n = job_and_n
    return lab_export.measure_sum(job, os.getpid(), sum_of_squares, n)


def compute_all(numbers, processes):
    if processes == 1:
        return [timed_sum(item) for item in enumerate(numbers)]
    with multiprocessing.Pool(processes) as pool:
        return pool.map(timed_sum, enumerate(numbers))


if __name__ == "__main__":
    options = lab_export.cpu_options("计算密集型：多个进程同时算平方和。", "run-cpu-processes.json")
    numbers = [options.base + x for x in range(options.count)]
    run = lab_export.Run("cpu", "py-cpu" if options.processes == 1 else "py-cpu-processes")
    measurements = compute_all(numbers, options.processes)
    elapsed = run.stop()
    print(f"用时 {elapsed:.1f} 秒")
    params = {"base": options.base, "jobs": options.count, "workerCount": options.processes}
    raise SystemExit(lab_export.save(run.record(measurements, params, None), options.out))
