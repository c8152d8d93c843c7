// Python run once in every interpreter after it starts, before any program. It records one span
// per request by wrapping pyodide.http (pyfetch, and pyxhr's one request function) and, when asked,
// one span per call of the program's job function (sys.monitoring, so the program runs unchanged).
// It also stands in a pool of interpreters for multiprocessing.Pool, which this Python lacks.
// The records go to the worker's lab* functions (python.worker.ts), which post them to the page.
export const pythonPrelude = String.raw`
import asyncio, linecache, pickle, sys
import js
import multiprocessing
import pyodide.http as _lab_http
from pyodide.http import pyxhr as _lab_pyxhr
from pyodide.ffi import can_run_sync, run_sync, to_js


class _LabState:
    seq = 0
    seed = "run"
    fixed_lane = None
    open_responses = {}


def _lab_lane():
    if _LabState.fixed_lane is not None:
        return _LabState.fixed_lane
    try:
        task = asyncio.current_task()
    except RuntimeError:
        task = None
    return "task:" + task.get_name() if task is not None else "main"


def _lab_begin(url=None):
    _LabState.seq += 1
    rid = f"{_LabState.seed}-{_LabState.seq}"
    js.labSpanStart(rid, _lab_lane())
    if url is not None and "/api/latency" in url and "seed=" not in url:
        # Unique URLs: the browser's HTTP cache makes concurrent requests for one URL wait for
        # each other, and resource timing can then tell each request's time on the wire.
        url += ("&" if "?" in url else "?") + "seed=" + rid
    return rid, url


_lab_pyfetch = _lab_http.pyfetch


async def _lab_fetch(url, /, **kwargs):
    rid, url = _lab_begin(str(url))
    try:
        resp = await _lab_pyfetch(url, **kwargs)
    except BaseException as error:
        js.labSpanEnd(rid, url, False, 0, 0, repr(error))
        raise
    _LabState.open_responses[rid] = (url, resp.status, js.performance.timeOrigin + js.performance.now())
    for name in ("bytes", "text", "string", "json", "memoryview", "buffer"):
        _lab_track_body(resp, name, rid, url)
    return resp


def _lab_track_body(resp, name, rid, url):
    read = getattr(resp, name)

    async def tracked(*args, **kwargs):
        body = await read(*args, **kwargs)
        if _LabState.open_responses.pop(rid, None) is not None:
            size = len(body) if isinstance(body, (bytes, str, memoryview)) else int(resp.headers.get("content-length", 0))
            js.labSpanEnd(rid, url, resp.ok, resp.status, size, None)
        return body

    setattr(resp, name, tracked)


_lab_http.pyfetch = _lab_fetch
_lab_xhr_request = _lab_pyxhr._xhr_request


def _lab_xhr(method, url, **kwargs):
    rid, url = _lab_begin(str(url))
    try:
        resp = _lab_xhr_request(method, url, **kwargs)
    except BaseException as error:
        js.labSpanEnd(rid, url, False, 0, 0, repr(error))
        raise
    size = int(resp.headers.get("content-length", len(resp._xhr.responseText or "")))
    js.labSpanEnd(rid, url, resp.ok, resp.status_code, size, None)
    return resp


_lab_pyxhr._xhr_request = _lab_xhr


def _lab_finish_open():
    """Responses whose body the program never read end when their headers arrived."""
    for rid, (url, status, at) in list(_LabState.open_responses.items()):
        js.labSpanEndAt(rid, url, status < 400, status, 0, at)
    _LabState.open_responses.clear()


_LAB_TOOL = 3


def _lab_trace_calls(name):
    mon = sys.monitoring
    if mon.get_tool(_LAB_TOOL) is None:
        mon.use_tool_id(_LAB_TOOL, "concurrency-lab")
    calls = []

    def on_start(code, offset):
        if code.co_name != name:
            return mon.DISABLE
        rid, _ = _lab_begin()
        calls.append(rid)

    def on_return(code, offset, value):
        if code.co_name != name:
            return mon.DISABLE
        if calls:
            js.labCallEnd(calls.pop(), str(value))

    mon.register_callback(_LAB_TOOL, mon.events.PY_START, on_start)
    mon.register_callback(_LAB_TOOL, mon.events.PY_RETURN, on_return)
    mon.set_events(_LAB_TOOL, mon.events.PY_START | mon.events.PY_RETURN)


def _lab_untrace_calls():
    if sys.monitoring.get_tool(_LAB_TOOL) is not None:
        sys.monitoring.set_events(_LAB_TOOL, 0)
        sys.monitoring.free_tool_id(_LAB_TOOL)


def _lab_prepare(source, filename, seed, job_function):
    _LabState.seq = 0
    # Each pool interpreter numbers its own requests: its index keeps their ids apart.
    _LabState.seed = seed if _LabState.fixed_lane is None else seed + "w" + _LabState.fixed_lane[len("worker:"):]
    _LabState.open_responses.clear()
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    if job_function:
        _lab_trace_calls(job_function)
    return {"__name__": "__main__" if _LabState.fixed_lane is None else "__mp_main__", "__file__": filename, "__builtins__": __builtins__}


class _LabPool:
    """multiprocessing.Pool as N interpreters, each in its own worker: started for the pool,
    given the program as __mp_main__ (as spawn re-imports it), then sent one item at a time."""

    def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None):
        if not can_run_sync():
            raise RuntimeError("这个浏览器不支持 JSPI（WebAssembly 栈切换）：Pool.map 无法在这里阻塞等待工作进程")
        self._processes = int(processes or js.navigator.hardwareConcurrency or 1)
        init = initializer.__name__ if initializer is not None else None
        run_sync(js.labPoolStart(self._processes, init, to_js(pickle.dumps(tuple(initargs)))))
        self._closed = False

    def map(self, func, iterable, chunksize=None):
        items = to_js([to_js(pickle.dumps(item)) for item in iterable])
        results = run_sync(js.labPoolMap(func.__name__, items))
        return [pickle.loads(result.to_bytes()) for result in results]

    def close(self):
        self._closed = True

    def join(self):
        pass

    def terminate(self):
        js.labPoolClose()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.terminate()


multiprocessing.Pool = _LabPool


def _lab_child(index):
    _LabState.fixed_lane = f"worker:{index}"
    multiprocessing.current_process().name = f"SpawnPoolWorker-{index + 1}"


_lab_child_namespace = {}


def _lab_child_init(source, filename, seed, job_function, initializer, initargs):
    namespace = _lab_prepare(source, filename, seed, job_function)
    exec(compile(source, filename, "exec"), namespace)
    _lab_child_namespace.clear()
    _lab_child_namespace.update(namespace)
    if initializer:
        namespace[initializer](*pickle.loads(initargs.to_bytes()))


def _lab_child_call(fn, arg):
    result = _lab_child_namespace[fn](pickle.loads(arg.to_bytes()))
    return to_js(pickle.dumps(result))
`
