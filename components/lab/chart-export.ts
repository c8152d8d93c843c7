// Turns the lab's export figure (a DOM node holding a title, the settings and an SVG chart) into
// files: PNG through html-to-image, SVG by inlining the computed colours so the file stands alone.

export function downloadBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  // Revoke after the click has been handled, or some browsers cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

export function downloadText(text: string, fileName: string, type: string) {
  downloadBlob(new Blob([text], { type }), fileName)
}

/** A PNG of the node at twice its size: sharp on a projector. */
export async function exportPng(node: HTMLElement, fileName: string) {
  // Fetched on the first PNG: the library is in no reader's way until then, and the lab's own
  // code, which every visit runs, stays smaller.
  const { toBlob } = await import('html-to-image').catch(() => {
    throw new Error('图片导出的代码没能下载（可能离线了），联网后再试')
  })
  const background = getComputedStyle(document.body).backgroundColor
  // toBlob, not toPng + fetch(dataUrl): the CSP's connect-src rightly refuses data: URLs.
  const blob = await toBlob(node, { pixelRatio: 2, backgroundColor: background })
  if (!blob) throw new Error('浏览器没有生成图片')
  downloadBlob(blob, fileName)
}

const styledProperties = ['fill', 'stroke', 'stroke-width', 'font-size', 'font-family', 'opacity'] as const

/** A standalone SVG: the chart with its colours inlined, under a title and a settings line. */
export function buildSvgFile(chart: SVGSVGElement, title: string, subtitle: string): string {
  const copy = chart.cloneNode(true) as SVGSVGElement
  const sourceElements = chart.querySelectorAll('*')
  copy.querySelectorAll('*').forEach((element, index) => {
    const source = sourceElements[index]
    if (!source) return
    const computed = getComputedStyle(source)
    for (const property of styledProperties) {
      const value = computed.getPropertyValue(property)
      if (value && value !== 'none' && !element.getAttribute(property)?.startsWith('#')) element.setAttribute(property, value)
    }
  })
  const [, , width = 720, height = 300] = (chart.getAttribute('viewBox') ?? '0 0 720 300').split(' ').map(Number)
  const header = 64
  const text = getComputedStyle(document.body).color
  const background = getComputedStyle(document.body).backgroundColor
  const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;')
  copy.setAttribute('x', '0')
  copy.setAttribute('y', String(header))
  copy.setAttribute('width', String(width))
  copy.setAttribute('height', String(height))
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height + header}" width="${width * 2}" height="${(height + header) * 2}">`,
    `<rect width="100%" height="100%" fill="${background}"/>`,
    `<text x="12" y="28" font-size="20" font-weight="700" fill="${text}" font-family="PingFang SC, Microsoft YaHei, Noto Sans CJK SC, sans-serif">${escape(title)}</text>`,
    `<text x="12" y="52" font-size="13" fill="${text}" font-family="PingFang SC, Microsoft YaHei, Noto Sans CJK SC, sans-serif">${escape(subtitle)}</text>`,
    new XMLSerializer().serializeToString(copy),
    '</svg>',
  ].join('\n')
}
