import { termClicked, termSelector } from './TermPopoversLoader'

/** Room kept between a popover and the viewport's edges, in px. */
const edge = 8

function popoverOf(term: Element): HTMLElement | null {
  return document.getElementById(term.getAttribute('aria-controls') ?? '')
}

/** Keeps the box on screen: a term near the right edge of a phone would push it off. */
function placeOnScreen(box: HTMLElement) {
  const rect = box.getBoundingClientRect()
  // The layout viewport: a phone's innerWidth grows once anything (this box, say) overflows it.
  const { clientWidth, clientHeight } = document.documentElement
  const overflowRight = rect.right - (clientWidth - edge)
  const x = overflowRight > 0 ? -Math.min(overflowRight, rect.left - edge) : 0
  box.style.translate = `${x}px 0`
  if (rect.bottom > clientHeight - edge && rect.top - rect.height - 40 > edge) box.dataset.placement = 'above'
  else delete box.dataset.placement
}

/**
 * Makes the chapter's glossary terms disclosure buttons: one set of listeners for the whole page
 * (click, Space, Esc, a pointer outside), rather than a component per term. `opening`, a term the
 * reader clicked before this code had loaded, opens at once. Returns the undo.
 */
export function installTermPopovers(opening?: HTMLAnchorElement): () => void {
  const terms = [...document.querySelectorAll<HTMLAnchorElement>(termSelector)]
  for (const term of terms) {
    term.setAttribute('role', 'button')
    term.setAttribute('aria-expanded', 'false')
  }
  let shown: HTMLAnchorElement | null = null

  const close = (returnFocus: boolean) => {
    if (!shown) return
    const box = popoverOf(shown)
    if (box) box.hidden = true
    shown.setAttribute('aria-expanded', 'false')
    if (returnFocus) shown.focus()
    shown = null
  }
  const toggle = (term: HTMLAnchorElement) => {
    const wasShown = shown === term
    close(false)
    const box = popoverOf(term)
    if (wasShown || !box) return
    box.hidden = false
    term.setAttribute('aria-expanded', 'true')
    shown = term
    placeOnScreen(box)
  }
  const onClick = (event: MouseEvent) => {
    const term = termClicked(event)
    if (!term) return
    event.preventDefault()
    toggle(term)
  }
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && shown) {
      close(true)
      return
    }
    // A button answers Space as well as Enter (Enter arrives as a click).
    const term = event.key === ' ' && event.target instanceof Element ? event.target.closest<HTMLAnchorElement>(termSelector) : null
    if (!term) return
    event.preventDefault()
    toggle(term)
  }
  const onPointerDown = (event: PointerEvent) => {
    if (shown && event.target instanceof Node && !shown.parentElement?.contains(event.target)) close(false)
  }
  document.addEventListener('click', onClick)
  document.addEventListener('keydown', onKeyDown)
  document.addEventListener('pointerdown', onPointerDown)
  if (opening) toggle(opening)
  return () => {
    document.removeEventListener('click', onClick)
    document.removeEventListener('keydown', onKeyDown)
    document.removeEventListener('pointerdown', onPointerDown)
    close(false)
  }
}
