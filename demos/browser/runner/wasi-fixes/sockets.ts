// Sockets (and proc_raise): calls the shim answers by throwing a JS string, a trap for the program.
import type { FixContext, Overrides } from './context'
import { BADF, NOSYS, NOTCAPABLE, NOTSUP } from './errno'

/** sock_accept, sock_recv, sock_send, sock_shutdown and proc_raise. */
export function socketFixes(ctx: FixContext): Overrides {
  const { fd } = ctx
  /**
   * sock_*: the shim throws a JS string (a trap for the program). No fd here is a socket, so
   * none has the socket rights: accept, recv and send answer NOTCAPABLE as node:wasi does
   * (BADF for a closed fd); shutdown answers NOTSUP as node:wasi does (BADF for a closed fd,
   * where node:wasi says NOTSUP too).
   */
  const socketCall = (openErrno: number) => (n: number) => (fd(n) ? openErrno : BADF)
  const sock_accept = socketCall(NOTCAPABLE)
  const sock_recv = socketCall(NOTCAPABLE)
  const sock_send = socketCall(NOTCAPABLE)
  const sock_shutdown = socketCall(NOTSUP)

  /** proc_raise: the shim throws a JS string; preview 1 deprecates the call, so say NOSYS. */
  const proc_raise = () => NOSYS
  return { sock_accept, sock_recv, sock_send, sock_shutdown, proc_raise }
}
