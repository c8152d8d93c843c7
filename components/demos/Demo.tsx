import { DemoLoader, type DemoProps } from './DemoLoader'

/** The MDX `<Demo id="…" />` tag: a live demo where the article shows a program and its timing. */
export function Demo(props: DemoProps) {
  return <DemoLoader {...props} />
}
