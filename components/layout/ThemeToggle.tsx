'use client'

import { useSyncExternalStore } from 'react'
import { themeStorageKey } from './ThemeScript'
import iconButton from './icon-button.module.css'

type Theme = 'light' | 'dark'

function readTheme(): Theme {
  return document.documentElement.classList.contains('dark') ? 'dark' : 'light'
}

function subscribe(onChange: () => void) {
  const observer = new MutationObserver(onChange)
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] })
  return () => observer.disconnect()
}

function applyTheme(theme: Theme) {
  const root = document.documentElement
  root.classList.toggle('dark', theme === 'dark')
  root.style.colorScheme = theme
  try {
    localStorage.setItem(themeStorageKey, theme)
  } catch {
    // Private mode may refuse storage; the choice then lasts for this page only.
  }
}

export function ThemeToggle() {
  // The server cannot know the theme: render a neutral label until hydrated.
  const theme = useSyncExternalStore<Theme | null>(subscribe, readTheme, () => null)
  const next: Theme = theme === 'dark' ? 'light' : 'dark'
  return (
    <button
      type="button"
      className={iconButton.button}
      data-testid="theme-toggle"
      aria-label={theme === null ? '切换主题' : next === 'dark' ? '切换到深色主题' : '切换到浅色主题'}
      title={theme === null ? '切换主题' : next === 'dark' ? '深色主题' : '浅色主题'}
      onClick={() => applyTheme(theme === null ? (readTheme() === 'dark' ? 'light' : 'dark') : next)}
    >
      <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
        {theme === 'dark' ? (
          <>
            <circle cx="12" cy="12" r="4" />
            <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
          </>
        ) : (
          <path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z" />
        )}
      </svg>
    </button>
  )
}
