// The Worker on the slide, in real workerd, answers with the same bytes as node:wasi.
import { Buffer } from 'node:buffer'
import { describe, expect, it } from 'vitest'
import { runNodeWasi } from '../helpers/node-wasi'
import { useWorkerd } from '../helpers/workerd'

const workerd = useWorkerd()

async function post(body: string | Uint8Array) {
  const response = await fetch(workerd().url, { method: 'POST', body: typeof body === 'string' ? body : new Blob([body as Uint8Array<ArrayBuffer>]) })
  return { response, bytes: Buffer.from(await response.arrayBuffer()) }
}

describe('the demo Worker in workerd', () => {
  const inputs: Array<[string, string | Uint8Array]> = [
    ['text', 'Hello, Zig!\nWebAssembly everywhere.\n'],
    ['empty', ''],
    ['unicode and CRLF', 'ünïcödé ✓ 🚀\r\nline two\r\n'],
    ['large (2 MiB)', 'The quick brown fox jumps over the lazy dog. 0123456789\n'.repeat(37450)],
  ]
  for (const [label, input] of inputs) {
    it(`${label}: same bytes as node:wasi, status 200, exit code 0`, async () => {
      const [{ response, bytes }, reference] = await Promise.all([post(input), runNodeWasi('demo', { stdin: input })])
      expect(reference.exitCode).toBe(0)
      expect(response.status).toBe(200)
      expect(response.headers.get('x-exit-code')).toBe('0')
      expect(bytes.equals(reference.stdout)).toBe(true)
    })
  }

  it('input that is not UTF-8: status 400, x-exit-code 1, the program\'s stderr as the body', async () => {
    const input = new Uint8Array([0x48, 0x69, 0xFF, 0x21])
    const [{ response, bytes }, reference] = await Promise.all([post(input), runNodeWasi('demo', { stdin: input })])
    expect(reference.exitCode).toBe(1)
    expect(response.status).toBe(400)
    expect(response.headers.get('x-exit-code')).toBe('1')
    expect(bytes.equals(reference.stderr)).toBe(true)
  })
})
