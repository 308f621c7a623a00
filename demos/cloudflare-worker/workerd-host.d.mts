export type WorkerVariant = 'worker' | 'cases' | 'pages'
export function workerdBinary(): string
export function prepareWorker(variant?: WorkerVariant): Promise<string>
export function startWorkerd(options?: { port?: number, startTimeoutMs?: number, variant?: WorkerVariant, prepared?: string, probe?: string, probeBody?: string }): Promise<{ url: string, version: string, firstAnswerMs: number, stop: () => Promise<void> }>
