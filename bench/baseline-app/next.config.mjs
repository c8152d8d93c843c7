import path from 'node:path'

// Built from inside the project so it resolves the project's own node_modules (the same Next).
const baselineConfig = { turbopack: { root: path.resolve(import.meta.dirname, '../..') } }

export default baselineConfig
