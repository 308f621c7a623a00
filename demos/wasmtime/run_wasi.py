# wasmtime's host: runs a wasm32-wasi command with Wasmtime's engine through its Python API
# (PyPI wasmtime, installed by npm run runtimes:install into .runtimes/wasmtime).
# python3 demos/wasmtime/run_wasi.py [--dir DIR] [--env K=V]... [--timing FILE] module.wasm [args...]
# python3 demos/wasmtime/run_wasi.py --version   (the wasmtime package that runs)
# (the flags: host_args.py; --timing FILE times _start to its exit.)
import sys
import time
from importlib.metadata import version
from os.path import basename

import host_args
from wasmtime import Engine, ExitTrap, Linker, Module, Store, Trap, WasiConfig

if sys.argv[1:] == ['--version']:
    print(f'wasmtime {version("wasmtime")}')
    sys.exit(0)
host = host_args.parse(sys.argv[1:])
wasm_path, args, env, preopen = host.path, host.args, host.env, host.directory

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
host.write_timing(t0)
sys.exit(code)
