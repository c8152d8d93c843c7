import Link from 'next/link'
import demo from '@/components/demos/demo.module.css'

/**
 * What the header's 已跨源隔离 / 未跨源隔离 chip means, in a line under it: readers asked whether
 * 未跨源隔离 was a fault, and a title attribute never shows on a touch screen.
 */
export function IsolationNote({ isolated }: { isolated: boolean }) {
  return (
    <p className={demo.note} data-testid="isolation-note">
      {isolated
        ? '已跨源隔离：页面可以使用共享内存（SharedArrayBuffer）。本演示用不到它，竞态条件一章会用到。'
        : '未跨源隔离：跨源隔离只影响共享内存（SharedArrayBuffer），本演示不需要它；竞态条件一章需要。'}
      <Link href="/learn/glossary#跨源隔离">什么是跨源隔离</Link>
    </p>
  )
}
