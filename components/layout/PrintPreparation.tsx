'use client'

import { useEffect } from 'react'

/**
 * A printed handout shows every folded hint and answer: CSS cannot open a <details>, so they open
 * just before printing and the ones the reader had closed close again afterwards.
 */
export function PrintPreparation() {
  useEffect(() => {
    let opened: HTMLDetailsElement[] = []
    const beforePrint = () => {
      opened = [...document.querySelectorAll<HTMLDetailsElement>('main details:not([open])')]
      // The in-page table of contents stays folded: print hides it anyway.
      opened = opened.filter((details) => !details.classList.contains('mobile-toc'))
      opened.forEach((details) => (details.open = true))
    }
    const afterPrint = () => {
      opened.forEach((details) => (details.open = false))
      opened = []
    }
    window.addEventListener('beforeprint', beforePrint)
    window.addEventListener('afterprint', afterPrint)
    return () => {
      window.removeEventListener('beforeprint', beforePrint)
      window.removeEventListener('afterprint', afterPrint)
    }
  }, [])
  return null
}
