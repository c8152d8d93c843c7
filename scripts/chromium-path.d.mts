export function resolveChromium(): string
export const chromiumArgs: string[]
