import styles from './RaceDemo.module.css'
import type { RaceStrategy } from './race-record'

/** One sentence per strategy: why updates got lost, or why none did. */
const why: Record<RaceStrategy, string> = {
  plain: '为什么会少：不加锁时，每次加一是“读出、加一、写回”三个分开的步骤，两个 Worker 可能读到同一个旧值，后写回的把先写回的覆盖掉，那次加一就丢了。',
  atomic: '为什么不少：Atomics.add 把读、加、写作为一个不可分割的步骤完成，别的 Worker 插不进中间，所以一次也不会丢。',
  unsafe: '为什么会少：每个任务读到 counter 后就在 await 处让出控制权，其他任务趁机读到同一个旧值，大家醒来后各自写回“旧值 + 1”，互相覆盖。',
  locked: '为什么不少：锁让“读、await、写”整段一次只有一个任务在做，别的任务排队等锁，读到的永远是最新的值。',
}

export function RaceExplanation({ strategy, prompt }: { strategy?: RaceStrategy; prompt: string }) {
  return <p className={styles.explanation}>{strategy ? why[strategy] : prompt}</p>
}
