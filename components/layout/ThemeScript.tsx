/** Key under which the reader's theme choice is kept. */
export const themeStorageKey = 'concurrency-lab:theme'

// Runs before first paint so a dark-theme reader never sees a light flash.
const setInitialTheme = `(function(){try{var t=localStorage.getItem('${themeStorageKey}');if(t!=='light'&&t!=='dark'){t=matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light'}var d=document.documentElement;d.classList.toggle('dark',t==='dark');d.style.colorScheme=t}catch(e){}})()`

export function ThemeScript() {
  return <script dangerouslySetInnerHTML={{ __html: setInitialTheme }} />
}
