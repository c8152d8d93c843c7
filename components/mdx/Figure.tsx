import styles from './Figure.module.css'

/* eslint-disable @next/next/no-img-element -- our diagrams are small SVGs; next/image adds nothing */
export function Figure({ src, alt, caption, width = 900, height = 300 }: { src: string; alt: string; caption?: string; width?: number; height?: number }) {
  return (
    <figure className={width > 720 ? `${styles.figure} ${styles.wide}` : styles.figure}>
      {/* A wide diagram scrolls sideways on a phone; a keyboard reader scrolls it too. */}
      <div className={styles.scroll} {...(width > 720 ? { tabIndex: 0, role: 'group', 'aria-label': alt } : {})}>
        <img src={src} alt={alt} width={width} height={height} loading="lazy" decoding="async" />
      </div>
      {caption ? <figcaption>{caption}</figcaption> : null}
    </figure>
  )
}
