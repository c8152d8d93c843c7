'use client'

import { useRef } from 'react'
import { ChapterNav, type ChapterLink } from './ChapterNav'
import iconButton from './icon-button.module.css'
import styles from './MobileMenu.module.css'

/** On narrow screens the chapter list folds into this modal menu. */
export function MobileMenu({ chapters }: { chapters: ChapterLink[] }) {
  const dialog = useRef<HTMLDialogElement>(null)
  const close = () => dialog.current?.close()
  return (
    <>
      <button
        type="button"
        className={`${iconButton.button} ${styles.button}`}
        aria-label="打开章节目录"
        aria-haspopup="dialog"
        data-testid="mobile-menu-button"
        onClick={() => dialog.current?.showModal()}
      >
        <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
          <path d="M4 6h16M4 12h16M4 18h16" />
        </svg>
      </button>
      <dialog
        ref={dialog}
        className={styles.menu}
        aria-label="章节目录"
        data-testid="mobile-menu"
        onClick={(event) => {
          // A click on the backdrop (the dialog itself, outside its panel) closes it.
          if (event.target === dialog.current) close()
        }}
      >
        <div className={styles.panel}>
          <div className={styles.header}>
            <span>章节目录</span>
            <button type="button" className={iconButton.button} aria-label="关闭目录" onClick={close}>
              ✕
            </button>
          </div>
          <ChapterNav chapters={chapters} onNavigate={close} />
        </div>
      </dialog>
    </>
  )
}
