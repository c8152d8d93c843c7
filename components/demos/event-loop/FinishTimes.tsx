import styles from './FinishTimes.module.css'

interface FinishTimesProps {
  tasks: readonly string[]
  /** This scenario's finish time of each task. */
  finished: ReadonlyMap<string, number>
  /** The other way of writing the computing task, for comparison. */
  compared: ReadonlyMap<string, number>
  comparedLabel: string
  computeTask: string
}

/** When each task finished, beside the other scenario: the blocking task's cost, task by task. */
export function FinishTimes({ tasks, finished, compared, comparedLabel, computeTask }: FinishTimesProps) {
  return (
    <table className={styles.finishTimes} data-testid="finish-times">
      <caption>每个任务完成的时刻（时间单位）</caption>
      <thead>
        <tr>
          <th scope="col">任务</th>
          <th scope="col">这个场景</th>
          <th scope="col">{comparedLabel}</th>
        </tr>
      </thead>
      <tbody>
        {tasks.map((task) => {
          const here = finished.get(task)
          const there = compared.get(task)
          const later = here !== undefined && there !== undefined ? here - there : 0
          return (
            <tr key={task} data-task={task} data-finish={here} data-compared={there}>
              <th scope="row">{task === computeTask ? `${task}（计算）` : `${task}（下载）`}</th>
              <td>
                {here ?? '—'}
                {later > 0 ? <span className={styles.later}>（晚 {later}）</span> : null}
              </td>
              <td>{there ?? '—'}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
