const labels: Record<string, string> = {
  python: 'Python',
  ts: 'TypeScript（浏览器）',
  tsx: 'TypeScript（浏览器）',
  js: 'JavaScript（浏览器）',
  bash: '终端',
  shell: '终端',
  json: 'JSON',
  text: '输出',
}

export function languageLabel(language: string): string {
  return Object.hasOwn(labels, language) ? (labels[language] ?? language) : language
}
