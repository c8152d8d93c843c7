// Colours for task chips: the Okabe–Ito palette (told apart with the common colour-vision
// deficiencies), each with the ink that reads on it.

export interface TaskColor {
  fill: string
  ink: string
}

const palette: readonly TaskColor[] = [
  { fill: '#0072B2', ink: '#ffffff' },
  { fill: '#E69F00', ink: '#1f2328' },
  { fill: '#009E73', ink: '#1f2328' },
  { fill: '#CC79A7', ink: '#1f2328' },
  { fill: '#56B4E9', ink: '#1f2328' },
  { fill: '#D55E00', ink: '#1f2328' },
  { fill: '#F0E442', ink: '#1f2328' },
  { fill: '#8A939E', ink: '#1f2328' },
]

/** The n-th task's colour; the palette repeats after eight tasks. */
export function taskColor(position: number): TaskColor {
  return palette[((position % palette.length) + palette.length) % palette.length] ?? { fill: '#8A939E', ink: '#1f2328' }
}

/** Tasks named A, B, C… take the colours in that order. */
export function taskColorForLetter(letter: string): TaskColor {
  return taskColor(letter.toUpperCase().charCodeAt(0) - 65)
}
