'use client'

import { Component, type JSX, type ReactNode } from 'react'

/** In a demo's own box: the demo cannot run here, and the chapter around it still reads. */
export function DemoNotice({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="demo-notice" role="note" data-testid="demo-unavailable">
      <strong>{title}</strong>
      <p>{children}</p>
    </div>
  )
}

/**
 * What a demo's loader resolves to when its script cannot be fetched (offline before the demo
 * was ever loaded): a note in the demo's box instead of an error that takes the page down.
 */
export function demoUnavailable(name: string): () => () => JSX.Element {
  return () =>
    function DemoUnavailable() {
      return <DemoNotice title={`离线时无法加载此演示（${name}）`}>联网后刷新页面即可运行；这一章的正文不受影响。</DemoNotice>
    }
}

interface BoundaryState {
  message: string | null
}

/** Keeps a demo's failure inside its box: the chapter text and the other demos stay. */
export class DemoErrorBoundary extends Component<{ name: string; children: ReactNode }, BoundaryState> {
  state: BoundaryState = { message: null }

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { message: error instanceof Error ? error.message : String(error) }
  }

  render() {
    if (this.state.message === null) return this.props.children
    return (
      <DemoNotice title={`${this.props.name}出错了`}>
        {navigator.onLine ? '刷新页面可以重试' : '现在离线：联网后刷新页面可以重试'}；这一章的正文不受影响。（{this.state.message.slice(0, 200)}）
      </DemoNotice>
    )
  }
}
