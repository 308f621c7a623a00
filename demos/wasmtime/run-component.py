# wasmtime's component host: runs a WASI 0.2 command component with wasmtime-py
# (PyPI `wasmtime`, its wasmtime.component API and Wasmtime's own WASIp2).
# python3 demos/wasmtime/run-component.py [--dir DIR] [--env K=V]... [--timing FILE] x.component.wasm [args...]
# (the flags: host_args.py)
# --timing FILE (npm run runtimes): the time from calling wasi:cli/run to its end, into FILE.
# stdin, stdout and stderr are the process's own; the exit code is the component's
# (wasi:cli/exit: 0 or 1); a trap prints "wasm trap: ..." on stderr and exits 134.
import os
import sys
import time

import host_args
from wasmtime import Engine, ExitTrap, Store, Trap, WasiConfig, WasmtimeError
from wasmtime.component import Component, Linker

host = host_args.parse(sys.argv[1:])
path, args, env, directory = host.path, host.args, host.env, host.directory
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
        host.write_timing(t0)
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
