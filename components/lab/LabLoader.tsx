'use client'

import dynamic from 'next/dynamic'
import demo from '@/components/demos/demo.module.css'

// The lab (its URL parsing, store and demos) loads after the page shell: its first load stays at
// Next's own baseline, and the server-rendered introduction paints first.
export const LabLoader = dynamic(() => import('./LabPage').then((module) => module.LabPage), {
  ssr: false,
  loading: () => (
    <p className={demo.note} data-lab-loading>
      实验室加载中…
    </p>
  ),
})
