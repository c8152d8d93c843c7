import Link from 'next/link'
import { strategyInfo } from '@/lib/engine/strategies'
import { formatDuration } from '@/lib/format/units'
import { labLinkForPrograms, nativePrograms, programsPath, sharedProgramFile, type NativeProgram } from '@/lib/programs/native-programs'
import { CommandBlock } from './CommandBlock'
import { SiteCommand } from './SiteCommand'
import styles from './RunLocallyGuide.module.css'

/** What each program does differently, in a sentence. */
const programNotes: Readonly<Record<NativeProgram['id'], string>> = {
  'io-sync': '一个 requests.Session，一个接一个地下载：时间线只有一行。',
  'io-threads':
    'ThreadPoolExecutor(max_workers=5)，每个线程用 threading.local 存一份自己的 Session。浏览器里的 Python 开不了线程，这里是唯一能看到真线程时间线的地方：5 行，每行一个线程。',
  'io-asyncio': '一个 aiohttp.ClientSession，每个网址一个任务，asyncio.gather 等它们全部完成。时间线上每行一个任务。',
  'io-processes': 'multiprocessing.Pool(initializer=...)：每个进程在初始化时建一个 Session，进程数默认等于 CPU 核数。时间线上每行一个进程。',
  'cpu-processes': 'multiprocessing.Pool 把 20 个 sum(i * i) 分给各个核。加 --processes 1 就在一个进程里依次计算，可以对比。',
}

/** This site's own 2-core host, Debian's python3 3.11, 160 downloads, on a quiet host; `node bench/native-python.mjs` measures them again. */
const measuredHere: Readonly<Partial<Record<NativeProgram['id'], number>>> = {
  'io-sync': 14_600,
  'io-threads': 3_000,
  'io-asyncio': 270,
  'io-processes': 7_500,
}

export function RunLocallyGuide() {
  return (
    <article className="prose run-locally">
      <h1>在自己的电脑上运行原文的程序</h1>
      <p>
        章节里的演示都在浏览器里运行，浏览器有两条自己的限制：浏览器里的 Python（Pyodide）不能启动线程；每个主机名最多同时开 6 条 HTTP/1.1 连接。你自己电脑上的
        CPython
        两条都没有。下面的五个程序就是原文的程序，只改了两处：下载的是本站的模拟延迟接口，而不是原文的两个真实网站；每次下载的开始、结束时间和由哪个线程、任务或进程完成，都记进一个
        JSON 文件。把这个文件导入实验室，本机的运行就和浏览器里的运行画在同一张时间线和总用时图上。
      </p>

      <h2 id="install">1. 准备 Python</h2>
      <p>需要 Python 3.8 或更新的版本，以及原文用到的两个库 requests 和 aiohttp（计算密集型的程序只用标准库）：</p>
      <CommandBlock command="python3 -m pip install requests aiohttp" />
      <p>Debian 或 Ubuntu 上也可以用系统的包：</p>
      <CommandBlock command="sudo apt install python3-requests python3-aiohttp" />

      <h2 id="download">2. 下载程序</h2>
      <p>
        在一个空文件夹里运行下面这一行，它会下载全部五个程序和它们共用的 <code>{sharedProgramFile}</code>
        （命令行参数、计时和导出格式都在这一个文件里定义）。下面的地址就是你现在打开本页用的地址。
      </p>
      <SiteCommand />
      <p>
        也可以逐个下载：
        {[sharedProgramFile, ...nativePrograms.map((program) => program.file)].map((file, index) => (
          <span key={file}>
            {index > 0 ? '、' : ''}
            <a href={`${programsPath}/${file}`} download>
              {file}
            </a>
          </span>
        ))}
        。程序和 {sharedProgramFile} 要放在同一个文件夹里。
      </p>

      <h2 id="run">3. 运行</h2>
      <p>
        每个程序都接受 <code>--base-url</code>（实验室网站的地址）、<code>--sites N</code>（下载次数，默认和原文一样是 160）和 <code>--out 文件名</code>
        。运行结束时它打印原文那样的一行总结，并写出运行记录文件。
      </p>
      {nativePrograms.map((program) => {
        const here = measuredHere[program.id]
        return (
          <section key={program.id} id={program.id} aria-labelledby={`${program.id}-title`}>
            <h3 id={`${program.id}-title`}>
              {program.title}：{program.file}
            </h3>
            <p>{programNotes[program.id]}</p>
            <SiteCommand program={program.id} />
            <p className={styles.figures}>
              实验室里显示为「{strategyInfo[program.strategy].label}」· 原文作者的测量 {formatDuration(program.articleMs)}
              {here !== undefined ? ` · 本站 2 核服务器上测得 ${formatDuration(here)}` : ''} · <Link href={`/learn/${program.chapter}`}>对应的章节</Link>
            </p>
          </section>
        )
      })}

      <h2 id="import">4. 导入实验室</h2>
      <p>
        打开<Link href={labLinkForPrograms}>实验室</Link>，点「导入运行记录」选择刚写出的文件（例如 run-io-threads.json），或者直接把文件拖到页面上。
        导入的运行进入运行历史，标着「本机 Python」：可以看它的时间线，勾选两次运行并排对比，也可以再导出。文件只被当作数据读取，里面的任何内容都不会被执行。
      </p>
      <p>
        程序默认下载的两个「网站」平均延迟 90 毫秒、抖动约 20 毫秒。上面的实验室链接已经把参数设成 160 个网站、延迟 90 毫秒、抖动 20
        毫秒；在那里运行浏览器的版本，总用时图上浏览器和本机 Python 的柱子就会并排出现。
      </p>
      <p>
        课堂上：投影实验室页面，在终端里运行 <code>python3 io_threads.py --base-url …</code>，几秒后把生成的文件拖到投影的页面上，全班就能看到 5
        个真线程各自的下载时间线。
      </p>

      <h2 id="why-asyncio">为什么 asyncio 在这里比浏览器快得多</h2>
      <p>
        在本站的接口上，asyncio 版本 160 次下载只要零点几秒，而浏览器里的 Promise.all 要一秒以上。区别在连接数：aiohttp 的 ClientSession 默认最多同时开 100
        条连接，160 个请求几乎一次全部发出；浏览器对同一个主机名最多开 6 条 HTTP/1.1 连接，其余的请求只能排队，分成一波一波地完成。 浏览器里的 asyncio
        看起来慢，原因不在 asyncio，而在浏览器的连接上限。
      </p>
      <p>
        原文作者的 asyncio 版本用了 2.6 秒，也比这里慢得多。那是因为原文下载的是互联网上两个真实的网站：每条新连接都要经过 DNS、TCP 和 TLS
        握手，同时涌来的几十个请求还要看对方服务器和沿途网络愿意多快处理。本站的模拟接口不管同时来多少请求，都只按设定的延迟等待后作答，所以量到的是程序本身能做到的并发。
      </p>
      <p>
        多进程版本在 2 核的机器上只有 2 个进程，同时只有 2 个下载在路上，所以比原文作者 4 核机器上的 5.7 秒还要慢；进程数可以用 <code>--processes</code> 调大。
      </p>
    </article>
  )
}
