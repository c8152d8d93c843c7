// A schema issue in the Chinese the lab shows: which field, and what it should have been.

/** The parts of a zod issue the message needs (zod/mini's issues carry these). */
export interface SchemaIssue {
  code: string
  path: readonly PropertyKey[]
  expected?: string
  values?: readonly unknown[]
  options?: readonly unknown[]
}

const typeNames: Readonly<Record<string, string>> = {
  string: '文本',
  number: '有限的数',
  boolean: 'true 或 false',
  object: '对象',
  array: '数组',
}

/** ['spans', 3, 'lane'] → "spans[3].lane". */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '')
}

function allowedList(values: readonly unknown[]): string {
  const shown = values.slice(0, 12).map((value) => JSON.stringify(value))
  return `${shown.join('、')}${values.length > shown.length ? ' 等' : ''}`
}

/** Joins pieces with a space wherever Chinese meets Latin letters or digits, as the copy rules ask. */
function joinCopy(...parts: string[]): string {
  return parts.reduce((text, part) => {
    const boundary = (/[\w\])"]$/.test(text) && /^\p{Script=Han}/u.test(part)) || (/\p{Script=Han}$/u.test(text) && /^[\w"[(]/.test(part))
    return boundary ? `${text} ${part}` : text + part
  }, '')
}

export function describeIssue(issue: SchemaIssue | undefined): string {
  if (!issue) return '格式不对'
  const field = issuePath(issue.path)
  const subject = field ? `字段 ${field}` : '内容'
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'undefined') return joinCopy(subject, '不该出现')
      return joinCopy(subject, '缺失或类型不对：应为', typeNames[issue.expected ?? ''] ?? issue.expected ?? '别的类型')
    case 'invalid_value':
      return joinCopy(subject, '的取值不允许：只能是 ', allowedList(issue.values ?? []))
    case 'invalid_union':
      return joinCopy(subject, '的取值不允许：只能是 ', allowedList(issue.options ?? []))
    case 'too_big':
    case 'too_small':
      return joinCopy(subject, '超出允许的范围')
    default:
      return joinCopy(subject, '格式不对')
  }
}
