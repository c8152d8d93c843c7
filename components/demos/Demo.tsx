const demoNames: Record<string, string> = {
  io: 'I/O 密集型下载演示',
  'io-sweep': '线程池大小扫描',
  cpu: '计算密集型演示',
  race: '竞态条件演示',
  'event-loop': '事件循环逐步演示',
}

/** Where a live demo stands in a chapter. Until that demo exists it says so, instead of failing. */
export function Demo({ id }: { id: string; focus?: string; variant?: string }) {
  return (
    <div className="demo-placeholder" data-demo-placeholder={id}>
      <p>
        <strong>{demoNames[id] ?? `演示 ${id}`}</strong>：此处的在线演示即将上线。
      </p>
    </div>
  )
}
