import type { ChildProcess } from 'node:child_process'

export function killWithParent(pid: number | undefined, options?: { group?: boolean }): ChildProcess | undefined
