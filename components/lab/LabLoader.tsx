'use client'

import { lazy, Suspense, useSyncExternalStore } from 'react'

const LabPage = lazy(() => import('./LabPage').then((module) => ({ default: module.LabPage })))

const subscribeToNothing = () => () => {}

function Loading() {
  return (
    <p className="lab-loading" data-lab-loading>
      实验室加载中…
    </p>
  )
}

/**
 * The lab (its URL parsing, store and demos) loads after the page shell: its first load stays at
 * Next's own baseline, and the server-rendered introduction paints first. It renders in the
 * browser only (its state lives in the URL and this browser's storage), so the server and the
 * first client render both show the loading note.
 */
export function LabLoader() {
  // False on the server and while hydrating, true from the render after: no effect needed to know.
  const inBrowser = useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  )
  if (!inBrowser) return <Loading />
  return (
    <Suspense fallback={<Loading />}>
      <LabPage />
    </Suspense>
  )
}
