/**
 * A run of a chapter's plain blocks, compiled to HTML at build time (lib/content/static-html.ts).
 * `display: contents` keeps the blocks in the prose's flow as if the div were not there; React
 * does not walk innerHTML when it hydrates, which is the point.
 */
export function StaticHtml({ html }: { html: string }) {
  return <div className="static-html" dangerouslySetInnerHTML={{ __html: html }} />
}
