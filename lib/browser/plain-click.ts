/** A plain left click: one with a modifier key or another button asks the browser for something else (a new tab, a menu). */
export function isPlainClick(event: MouseEvent): boolean {
  return !event.defaultPrevented && event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey
}
