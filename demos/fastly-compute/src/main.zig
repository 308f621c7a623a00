//! The Worker's Fastly twin, without JS: Fastly Compute runs this wasm32-wasi program once per
//! request. It reads the request body through Compute's host calls, turns it upside down with
//! the demo's own code (zig/src/demo.zig), and answers like the Worker on the slide: 200 and the
//! text, or 400 and the demo's error, with the exit code in `x-exit-code`.
//! Built with Zig 0.17 by `npm run build:wasm` into demos/fastly-compute/bin/main.wasm;
//! served locally by Viceroy (`viceroy -C demos/fastly-compute/fastly.toml bin/main.wasm`).
const std = @import("std");
const demo = @import("demo");

// #region abi
// Compute's host calls (the `fastly_*` modules of its ABI). Each returns a
// fastly_status, 0 for ok; handles are u32; out-parameters are pointers.
const abi = struct {
    extern "fastly_abi" fn init(abi_version: u64) u32;
};
const req = struct {
    extern "fastly_http_req" fn body_downstream_get(req_out: *u32, body_out: *u32) u32;
};
const body = struct {
    extern "fastly_http_body" fn new(body_out: *u32) u32;
    extern "fastly_http_body" fn read(b: u32, buf: [*]u8, len: usize, nread: *usize) u32;
    extern "fastly_http_body" fn write(b: u32, buf: [*]const u8, len: usize, end: u32, nwritten: *usize) u32;
};
const resp = struct {
    extern "fastly_http_resp" fn new(resp_out: *u32) u32;
    extern "fastly_http_resp" fn status_set(r: u32, status: u16) u32;
    extern "fastly_http_resp" fn header_append(r: u32, name: [*]const u8, name_len: usize, value: [*]const u8, value_len: usize) u32;
    extern "fastly_http_resp" fn send_downstream(r: u32, b: u32, streaming: u32) u32;
};
// #endregion abi

fn check(status: u32) void {
    if (status != 0) std.debug.panic("a Compute host call failed: fastly_status {d}", .{status});
}

/// The response body, written through a std.Io.Writer whose buffer is appended to the
/// Compute body (its back end) whenever it fills up, and at the end.
var body_handle: u32 = 0;
var out_buffer: [64 * 1024]u8 = undefined;
var out: std.Io.Writer = .{ .vtable = &.{ .drain = drain }, .buffer = &out_buffer };

fn put(bytes: []const u8) void {
    var done: usize = 0;
    while (done < bytes.len) {
        var n: usize = 0;
        check(body.write(body_handle, bytes[done..].ptr, bytes.len - done, 0, &n));
        done += n;
    }
}

fn drain(w: *std.Io.Writer, data: []const []const u8, splat: usize) std.Io.Writer.Error!usize {
    put(w.buffered());
    w.end = 0;
    var n: usize = 0;
    for (data[0 .. data.len - 1]) |bytes| {
        put(bytes);
        n += bytes.len;
    }
    const last = data[data.len - 1];
    for (0..splat) |_| put(last);
    return n + last.len * splat;
}

// #region main
pub fn main() void {
    check(abi.init(1));
    var request: u32 = 0;
    var incoming: u32 = 0;
    check(req.body_downstream_get(&request, &incoming));
    check(body.new(&body_handle));

    // The demo's own answer; its stderr line becomes the 400's body.
    const answered = if (readAll(incoming)) |input|
        demo.answer(input, &out, &out)
    else
        demo.tooLong(&out);
    const code = answered catch unreachable; // `out` cannot fail: drain panics instead
    out.flush() catch unreachable;
    send(if (code == 0) 200 else 400, code);
}
// #endregion main

/// The whole request body, or null when it is over the demo's limit.
fn readAll(handle: u32) ?[]const u8 {
    const gpa = std.heap.page_allocator;
    var buf = gpa.alloc(u8, 64 * 1024) catch @panic("out of memory");
    var len: usize = 0;
    while (true) {
        if (len == buf.len) {
            if (buf.len >= demo.max_input) return null;
            buf = gpa.realloc(buf, buf.len * 2) catch @panic("out of memory");
        }
        var n: usize = 0;
        check(body.read(handle, buf[len..].ptr, buf.len - len, &n));
        if (n == 0) return buf[0..len];
        len += n;
    }
}

fn send(status: u16, code: u8) void {
    var response: u32 = 0;
    check(resp.new(&response));
    check(resp.status_set(response, status));
    const name = "x-exit-code";
    var digits: [3]u8 = undefined;
    const value = std.fmt.bufPrint(&digits, "{d}", .{code}) catch unreachable;
    check(resp.header_append(response, name, name.len, value.ptr, value.len));
    check(resp.send_downstream(response, body_handle, 0));
}
