// The chapter's 计算密集型：多进程版本 (cpu-bound.mdx, Python listing 3) as it runs in the browser.
import { type PythonProgram, cpuSizeChange, poolNote } from './program'

export const cpuProcesses: PythonProgram = {
  title: '计算密集型：多进程版本',
  strategy: 'py-cpu-processes',
  workload: 'cpu',
  chapter: 'cpu-bound',
  listing: 2,
  jobFunction: 'sum_of_squares',
  runtimeNotes: [poolNote, '每次调用 sum_of_squares 记为一个任务，画在算它的那个解释器的行上。'],
  changes: [cpuSizeChange],
  source: String.raw`import multiprocessing
import time


def sum_of_squares(n):
    return sum(i * i for i in range(n))


def compute_all(numbers):
    with multiprocessing.Pool() as pool:
        pool.map(sum_of_squares, numbers)


if __name__ == "__main__":
    numbers = [1_000_000 + x for x in range(20)]
    t0 = time.perf_counter()
    compute_all(numbers)
    print(f"用时 {time.perf_counter() - t0:.1f} 秒")
`,
}
