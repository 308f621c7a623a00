# wasmtime's host: runs a wasm32-wasi command with Wasmtime's engine through its Python API
# (PyPI wasmtime, installed by npm run runtimes:install into .runtimes/wasmtime).
# python3 demos/wasmtime/run_wasi.py [--dir DIR] [--env K=V]... [--timing FILE] module.wasm [args...]
# python3 demos/wasmtime/run_wasi.py --version   (the wasmtime package that runs)
# --dir DIR preopens DIR as "/"; --timing FILE writes _start to its exit, timed here, into FILE.
import json
import sys
import time
from importlib.metadata import version
from os.path import basename

from wasmtime import Engine, ExitTrap, Linker, Module, Store, Trap, WasiConfig

argv = sys.argv[1:]
if argv == ['--version']:
    print(f'wasmtime {version("wasmtime")}')
    sys.exit(0)
env, preopen, timing = [], None, None
while argv and argv[0].startswith('--'):
    flag, value = argv[0], argv[1]
    argv = argv[2:]
    if flag == '--env':
        env.append(tuple(value.split('=', 1)))
    elif flag == '--dir':
        preopen = value
    elif flag == '--timing':
        timing = value
wasm_path, args = argv[0], argv[1:]

# region host
engine = Engine()
linker = Linker(engine)
linker.define_wasi()
module = Module.from_file(engine, wasm_path)
wasi = WasiConfig()
wasi.argv = [basename(wasm_path).removesuffix('.wasm'), *args]
wasi.env = env
wasi.inherit_stdin()
wasi.inherit_stdout()
wasi.inherit_stderr()
if preopen:
    wasi.preopen_dir(preopen, '/')
store = Store(engine)
store.set_wasi(wasi)
instance = linker.instantiate(store, module)
start = instance.exports(store)['_start']
t0 = time.perf_counter()
try:
    start(store)
    code = 0
except ExitTrap as e:  # proc_exit
    code = e.code
except Trap as e:  # a panic: its text is on stderr
    print(e.message, file=sys.stderr)
    code = 134
# endregion host
if timing:
    with open(timing, 'w') as f:
        json.dump({'computeMs': (time.perf_counter() - t0) * 1000}, f)
sys.exit(code)
