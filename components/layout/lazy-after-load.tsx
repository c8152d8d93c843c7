'use client'

import { startTransition, useEffect, useState, type ComponentType } from 'react'
import { afterLoadWhenIdle } from '@/lib/browser/after-load'

type AfterLoadParts = typeof import('./after-load-parts')

let parts: AfterLoadParts | null = null
let loading: Promise<AfterLoadParts | null> | null = null
const waiting = new Set<() => void>()

/**
 * The after-load parts' script: fetched once the page has loaded and the browser is idle, or at
 * once when a reader reaches for one of them first (a glossary term clicked early). Resolves to
 * null when it cannot be fetched (offline, never cached): the parts are then simply absent, and a
 * later call tries again.
 */
export function loadAfterLoadParts(): Promise<AfterLoadParts | null> {
  loading ??= import('./after-load-parts').then(
    async (module) => {
      // The script's evaluation is one task; the parts appear in a later idle period, all in one
      // render that React splits into short slices (a transition): after a demo's freeze, a
      // dozen parts at once made one frame of over 250 ms in the run that followed.
      await new Promise<void>((resolve) => afterLoadWhenIdle(resolve))
      parts = module
      for (const notify of waiting) notify()
      return module
    },
    () => {
      loading = null
      return null
    },
  )
  return loading
}

if (typeof window !== 'undefined') afterLoadWhenIdle(() => void loadAfterLoadParts())

/** One of the after-load parts as a component: it renders nothing until the parts' script has arrived. */
function afterLoadPart<Props extends object>(pick: (loaded: AfterLoadParts) => ComponentType<Props>): ComponentType<Props> {
  return function AfterLoad(props: Props) {
    // Null in the server's HTML and at hydration (the parts load after it); at once on a page
    // reached by an in-site link once they are here.
    const [loaded, setLoaded] = useState(parts)
    useEffect(() => {
      if (loaded) return
      const notify = () => startTransition(() => setLoaded(parts))
      waiting.add(notify)
      if (parts) notify()
      return () => void waiting.delete(notify)
    }, [loaded])
    if (!loaded) return null
    const Part = pick(loaded)
    return <Part {...props} />
  }
}

// The parts no reader waits for at first paint; their code stays out of every page's first load.

/** A chapter's "已读完" mark, from this browser's record: the server cannot know it. */
export const FinishedMarkAfterLoad = afterLoadPart((loaded) => loaded.ChapterFinishedMark)
/** The home page's "继续阅读" where the reader left off. */
export const ContinueReadingAfterLoad = afterLoadPart((loaded) => loaded.ContinueReading)
/** The home page's "清除阅读记录". */
export const ClearReadingButtonAfterLoad = afterLoadPart((loaded) => loaded.ClearReadingButton)
/** Records where the reader is in the chapter. */
export const ReadingTrackerAfterLoad = afterLoadPart((loaded) => loaded.ReadingTracker)
/** Fetches the previous and next chapters ahead of the reader. */
export const PrefetchNeighboursAfterLoad = afterLoadPart((loaded) => loaded.PrefetchNeighbours)
/** Marks, in "本页内容", the section being read. */
export const TocHighlightAfterLoad = afterLoadPart((loaded) => loaded.TocHighlight)
/** The offline copy's service worker. */
export const ServiceWorkerRegistrationAfterLoad = afterLoadPart((loaded) => loaded.ServiceWorkerRegistration)
