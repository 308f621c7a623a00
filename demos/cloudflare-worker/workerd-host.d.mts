export function workerdBinary(): string
export function prepareWorker(): Promise<string>
export function startWorkerd(options?: { port?: number, startTimeoutMs?: number }): Promise<{ url: string, version: string, stop: () => Promise<void> }>
