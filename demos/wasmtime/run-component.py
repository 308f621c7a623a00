# wasmtime's component host: runs a WASI 0.2 command component with wasmtime-py
# (PyPI `wasmtime`, its wasmtime.component API and Wasmtime's own WASIp2).
# python3 demos/wasmtime/run-component.py [--dir DIR] [--env K=V]... [--timing FILE] x.component.wasm [args...]
# --timing FILE (npm run runtimes): the time from calling wasi:cli/run to its end, into FILE.
# stdin, stdout and stderr are the process's own; the exit code is the component's
# (wasi:cli/exit: 0 or 1); a trap prints "wasm trap: ..." on stderr and exits 134.
import json
import os
import sys
import time

from wasmtime import Engine, ExitTrap, Store, Trap, WasiConfig, WasmtimeError
from wasmtime.component import Component, Linker

argv = sys.argv[1:]
env = []
directory = None
timing = None
while argv and argv[0].startswith('--'):
    flag, value = argv[0], argv[1]
    argv = argv[2:]
    if flag == '--env':
        env.append(tuple(value.split('=', 1)))
    elif flag == '--dir':
        directory = value
    elif flag == '--timing':
        timing = value
path, args = argv[0], argv[1:]
name = os.path.basename(path).removesuffix('.component.wasm')

engine = Engine()
wasi = WasiConfig()
wasi.argv = [name, *args]
wasi.env = env
wasi.inherit_stdin()
wasi.inherit_stdout()
wasi.inherit_stderr()
if directory:
    wasi.preopen_dir(directory, '/')
store = Store(engine)
store.set_wasi(wasi)
linker = Linker(engine)
linker.add_wasip2()
component = Component.from_file(engine, path)
try:
    instance = linker.instantiate(store, component)
    run_index = component.get_export_index('wasi:cli/run@0.2.12')
    run = instance.get_func(store, component.get_export_index('run', run_index))
    t0 = time.perf_counter()
    try:
        result = run(store)
    finally:
        if timing:
            with open(timing, 'w') as f:
                json.dump({'computeMs': (time.perf_counter() - t0) * 1000}, f)
    sys.exit(0 if result is None or getattr(result, 'tag', 'ok') == 'ok' else 1)
except ExitTrap as e:
    sys.exit(e.code)
except (Trap, WasmtimeError) as e:
    message = str(e)
    if 'exit status' in message:
        sys.exit(int(message.split('exit status')[1].split()[0].strip(':')))
    # wasmtime's message: a backtrace, then "Caused by:" and the trap ("wasm trap: ...").
    cause = [line.strip() for line in message.splitlines() if line.strip().startswith('wasm trap:')]
    sys.stderr.write(f'{cause[0] if cause else "wasm trap: " + message.splitlines()[0]}\n')
    sys.exit(134)
