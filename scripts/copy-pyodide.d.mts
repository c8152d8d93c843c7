export const pyodideFileNames: string[]
export function copyPyodide(): void
