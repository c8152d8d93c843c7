import { useEffect, useState } from 'react'

/**
 * False until the page has painted once after mounting. The lab's shell and its demo arrive
 * together (the demo's code is fetched beside the lab's); mounted in one commit, their first
 * layout was one long task, so the demo mounts in the task after the shell's first frame.
 */
export function usePaintedOnce(): boolean {
  const [painted, setPainted] = useState(false)
  useEffect(() => {
    let timer = 0
    // A timeout set inside an animation frame runs after that frame is painted.
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setPainted(true))
    })
    return () => {
      cancelAnimationFrame(frame)
      window.clearTimeout(timer)
    }
  }, [])
  return painted
}
