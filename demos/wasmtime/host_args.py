# The command line both wasmtime hosts take (run_wasi.py, run-component.py), parsed one way:
#   [--dir DIR] [--env K=V]... [--timing FILE] PROGRAM.wasm [args...]
# --dir DIR preopens DIR as "/"; --timing FILE: the host writes how long the program ran,
# timed in the host, into FILE as JSON {"computeMs": ...} (npm run runtimes reads it).
import json
import time
from dataclasses import dataclass, field


@dataclass
class HostArgs:
    path: str
    args: list[str]
    env: list[tuple[str, str]] = field(default_factory=list)
    directory: str | None = None
    timing: str | None = None

    def write_timing(self, t0: float) -> None:
        """Writes the time since t0 (time.perf_counter()) into the --timing file, if one was given."""
        if self.timing:
            with open(self.timing, 'w') as f:
                json.dump({'computeMs': (time.perf_counter() - t0) * 1000}, f)


def parse(argv: list[str]) -> HostArgs:
    env, directory, timing = [], None, None
    while argv and argv[0].startswith('--'):
        flag, value = argv[0], argv[1] if len(argv) > 1 else ''
        argv = argv[2:]
        if flag == '--env':
            name, _, val = value.partition('=')
            env.append((name, val))
        elif flag == '--dir':
            directory = value
        elif flag == '--timing':
            timing = value
    if not argv:
        raise SystemExit('usage: [--dir DIR] [--env K=V]... [--timing FILE] PROGRAM.wasm [args...]')
    return HostArgs(argv[0], argv[1:], env, directory, timing)
