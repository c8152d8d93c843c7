'use client'

import dynamic from 'next/dynamic'
import { useSearchParams } from 'next/navigation'
import { useEffect, useRef, useState } from 'react'
import type { DemoHandle } from '@/components/demos/useDemoHandle'
import { isPythonStrategy } from '@/lib/engine/run-model'
import { strategyInfo } from '@/lib/engine/strategies'
import { useRunHistory } from '@/components/demos/useRunHistory'
import type { StrategyId } from '@/lib/engine/types'
import { defaultLabState, labStrategies, parseLabUrl, serializeLabUrl, timeScales, type LabDemo, type LabState, type LabUrlProblem } from '@/lib/lab/url-state'
import { runHistoryStore } from '@/lib/store/run-history'
import { DemoErrorBoundary, demoUnavailable } from '@/components/demos/DemoFallbacks'
import { afterLoadWhenIdle } from '@/lib/browser/after-load'
import { KeyboardHelp } from './KeyboardHelp'
import demoStyles from '@/components/demos/demo.module.css'
import styles from './LabPage.module.css'
import panel from './lab-panel.module.css'

const IoDemo = dynamic(() => import('@/components/demos/io/IoDemo').then((module) => module.IoDemo, demoUnavailable('I/O 演示')), {
  ssr: false,
  loading: () => <DemoSkeleton />,
})
const CpuDemo = dynamic(() => import('@/components/demos/cpu/CpuDemo').then((module) => module.CpuDemo, demoUnavailable('计算密集型演示')), {
  ssr: false,
  loading: () => <DemoSkeleton />,
})
const RaceDemo = dynamic(() => import('@/components/demos/race/RaceDemo').then((module) => module.RaceDemo, demoUnavailable('竞态条件演示')), {
  ssr: false,
  loading: () => <DemoSkeleton />,
})

// Below the demo, so never on screen when the lab opens: it loads once the page has loaded and the
// browser is idle, and its code and first render are not part of the task that shows the demo.
const LabBelowDemo = dynamic(() => import('./LabBelowDemo').then((module) => module.LabBelowDemo, demoUnavailable('运行历史与导入')), {
  ssr: false,
})

function DemoSkeleton() {
  return <div className={`demo-skeleton ${panel.skeleton}`}>演示加载中…</div>
}

const demoLabels: Record<LabDemo, string> = { io: 'I/O 下载', cpu: '计算密集', race: '竞态条件' }

/** Typing in a field must not trigger shortcuts. */
function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
}

function initialState(search: URLSearchParams): { state: LabState; problems: LabUrlProblem[] } {
  // A bare /lab continues from the reader's stored settings; a link with settings is authoritative.
  const stored = runHistoryStore.getState().ioSettings
  if ([...search.keys()].length === 0) return { state: { ...defaultLabState, io: stored }, problems: [] }
  return parseLabUrl(search)
}

export function LabPage() {
  const searchParams = useSearchParams()
  const [initial] = useState(() => initialState(new URLSearchParams(searchParams.toString())))
  const [state, setState] = useState<LabState>(initial.state)
  const [problems, setProblems] = useState(initial.problems)
  const [helpOpen, setHelpOpen] = useState(false)
  const [shownIndex, setShownIndex] = useState(0)
  const [copied, setCopied] = useState(false)
  const demo = useRef<DemoHandle>(null)
  const ioSettings = useRunHistory((store) => store.ioSettings)

  // The URL's I/O settings become the demo's (the store), once, on arrival.
  useEffect(() => {
    runHistoryStore.getState().setIoSettings(initial.state.io)
  }, [initial])

  // Every change is written back to the URL, so the address bar is always a shareable link.
  const current: LabState = { ...state, io: ioSettings }
  const query = serializeLabUrl(current).toString()
  useEffect(() => {
    window.history.replaceState(window.history.state, '', `/lab?${query}`)
  }, [query])

  useEffect(() => {
    const root = document.documentElement
    root.classList.toggle('projector', state.present)
    return () => root.classList.remove('projector')
  }, [state.present])

  const update = (patch: Partial<LabState>) => setState((previous) => ({ ...previous, ...patch }))
  // While a Python program is chosen, running its JavaScript counterpart keeps it chosen: the two are compared.
  const selectFromDemo = (strategy: StrategyId) => setState((previous) => (isPythonStrategy(previous.strategy) ? previous : { ...previous, strategy }))
  const strategies = state.demo === 'race' ? [] : labStrategies[state.demo]
  // The JavaScript demo shows the counterpart of a Python program chosen below it.
  const javascriptFocus = isPythonStrategy(state.strategy) ? (strategyInfo[state.strategy].javascriptCounterpart ?? 'sequential') : state.strategy

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return
      const key = event.key
      const handle = demo.current
      if (key === '?') {
        setHelpOpen((open) => !open)
      } else if (key === 'r' || key === 'R') {
        handle?.run(handle.selected)
      } else if (key === 'a' || key === 'A') {
        handle?.runAll()
      } else if (key === 's' || key === 'S') {
        handle?.stop()
      } else if (/^[1-4]$/.test(key) && strategies[Number(key) - 1]) {
        const strategy = strategies[Number(key) - 1]!
        handle?.select(strategy)
        update({ strategy })
      } else if (key === 'ArrowLeft' || key === 'ArrowRight') {
        const count = runHistoryStore.getState().runs.filter((run) => run.workload === (state.demo === 'cpu' ? 'cpu' : 'io')).length
        if (count === 0) return
        // The list is newest first: → goes to an older run, ← to a newer one.
        setShownIndex((index) => Math.max(0, Math.min(count - 1, index + (key === 'ArrowRight' ? 1 : -1))))
      } else if (key === 'p' || key === 'P') {
        setState((previous) => ({ ...previous, present: !previous.present }))
      } else if (key === 'f' || key === 'F') {
        if (document.fullscreenElement) void document.exitFullscreen()
        else void document.documentElement.requestFullscreen?.().catch(() => undefined)
      } else {
        return
      }
      event.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  })

  const [belowDemoWanted, setBelowDemoWanted] = useState(false)
  useEffect(() => afterLoadWhenIdle(() => setBelowDemoWanted(true)), [])

  // A new run goes to the top of the history: show it.
  const runCount = useRunHistory((store) => store.runs.length)
  const [seenRunCount, setSeenRunCount] = useState(runCount)
  if (runCount !== seenRunCount) {
    setSeenRunCount(runCount)
    setShownIndex(0)
  }

  return (
    <div className="lab-page" data-present={state.present ? 'true' : 'false'}>
      <div className={styles.toolbar}>
        <h1>实验室</h1>
        <div className={panel.picker} role="radiogroup" aria-label="选择演示">
          {(Object.keys(demoLabels) as LabDemo[]).map((id) => (
            <button
              key={id}
              type="button"
              className={demoStyles.outlined}
              role="radio"
              aria-checked={state.demo === id}
              onClick={() => {
                update({ demo: id, strategy: id === 'race' ? state.strategy : labStrategies[id][0]! })
                setShownIndex(0)
              }}
            >
              {demoLabels[id]}
            </button>
          ))}
        </div>
        {state.demo === 'io' ? (
          <label className={styles.scale}>
            慢动作
            <select className={demoStyles.outlined} value={state.timeScale} onChange={(event) => update({ timeScale: Number(event.target.value) })}>
              {timeScales.map((scale) => (
                <option key={scale} value={scale}>
                  {scale === 1 ? '正常速度' : `×${scale} 慢`}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <button
          type="button"
          className={demoStyles.outlined}
          aria-pressed={state.present}
          onClick={() => update({ present: !state.present })}
          data-testid="projector-toggle"
        >
          投影模式
        </button>
        <button
          type="button"
          className={demoStyles.outlined}
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(window.location.href)
              setCopied(true)
              window.setTimeout(() => setCopied(false), 2000)
            } catch {
              window.prompt('复制这个链接：', window.location.href)
            }
          }}
        >
          {copied ? '已复制链接' : '复制链接'}
        </button>
        <button type="button" className={demoStyles.outlined} onClick={() => setHelpOpen(true)} aria-keyshortcuts="?">
          快捷键 <kbd>?</kbd>
        </button>
      </div>

      {problems.length > 0 ? (
        <div className={styles.urlNote} role="status" data-testid="url-problems">
          <p>链接里有 {problems.length} 个参数无法使用，已改用默认值：</p>
          <ul>
            {problems.map((problem) => (
              <li key={problem.param + problem.value}>
                <code>
                  {problem.param}={problem.value}
                </code>
                ：{problem.message}
              </li>
            ))}
          </ul>
          <button type="button" className="link-button" onClick={() => setProblems([])}>
            知道了
          </button>
        </div>
      ) : null}

      {strategies.length > 0 ? (
        <p className={styles.strategyKeys} aria-hidden="true">
          {strategies.map((strategy, index) => (
            <span key={strategy} className={strategy === state.strategy ? styles.strategyCurrent : undefined}>
              <kbd>{index + 1}</kbd> {strategyInfo[strategy].label}
            </span>
          ))}
        </p>
      ) : null}

      <div className="lab-demo" data-demo-slot={state.demo}>
        <DemoErrorBoundary key={state.demo} name={demoLabels[state.demo]}>
          {state.demo === 'io' ? (
            <IoDemo key="io" ref={demo} inLab present={state.present} focus={javascriptFocus} timeScale={state.timeScale} onSelect={selectFromDemo} />
          ) : state.demo === 'cpu' ? (
            <CpuDemo
              key="cpu"
              ref={demo}
              initialBase={state.cpuBase}
              initialWorkers={state.cpuWorkers}
              onSelect={selectFromDemo}
              onSettingsChange={(cpuBase: number, cpuWorkers: number) => update({ cpuBase, cpuWorkers })}
            />
          ) : (
            <RaceDemo key={`race-${state.race}`} variant={state.race} />
          )}
        </DemoErrorBoundary>
        {state.demo === 'race' ? (
          <p className={demoStyles.note}>
            另一个版本：
            <button type="button" className="link-button" onClick={() => update({ race: state.race === 'async' ? 'shared-memory' : 'async' })}>
              {state.race === 'async' ? 'Web Worker 共享内存' : '主线程 async 读改写'}
            </button>
          </p>
        ) : null}
      </div>

      {belowDemoWanted ? (
        <LabBelowDemo
          workload={state.demo}
          strategy={state.strategy}
          shownIndex={shownIndex}
          onShow={setShownIndex}
          onImported={(run) => {
            // Show what arrived: its demo, with it at the top of the history.
            if (run.workload !== state.demo) update({ demo: run.workload, strategy: labStrategies[run.workload][0]! })
            setShownIndex(0)
          }}
          onSelectStrategy={(strategy) => update({ strategy })}
        />
      ) : null}
      <KeyboardHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  )
}
