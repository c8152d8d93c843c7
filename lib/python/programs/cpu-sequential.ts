// The chapter's 计算密集型：同步版本 (cpu-bound.mdx, Python listing 1) as it runs in the browser.
import { type PythonProgram, cpuSizeChange } from './program'

export const cpuSequential: PythonProgram = {
  title: '计算密集型：同步版本',
  strategy: 'py-cpu',
  workload: 'cpu',
  chapter: 'cpu-bound',
  listing: 0,
  jobFunction: 'sum_of_squares',
  runtimeNotes: ['每次调用 sum_of_squares 记为一个任务（用 sys.monitoring 观察，程序本身不变）。'],
  changes: [cpuSizeChange],
  source: String.raw`import time


def sum_of_squares(n):
    return sum(i * i for i in range(n))


def compute_all(numbers):
    for n in numbers:
        sum_of_squares(n)


if __name__ == "__main__":
    numbers = [1_000_000 + x for x in range(20)]
    t0 = time.perf_counter()
    compute_all(numbers)
    print(f"用时 {time.perf_counter() - t0:.1f} 秒")
`,
}
