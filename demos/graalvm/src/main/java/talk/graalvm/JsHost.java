// GraalJS + GraalWasm: runs the deck's own runner core (the page's WASI session on
// @bjorn3/browser_wasi_shim, bundled by esbuild from graaljs-entry.ts) in GraalJS, whose
// WebAssembly API (js.webassembly) compiles and runs the module on GraalWasm. Java only
// hands over bytes: the module, stdin (read whole, as the page's runner takes it), the
// preopened directory's files (in memory, as in the page), and writes what the program
// writes to the process's stdout and stderr.
//   java ... talk.graalvm.JsHost BUNDLE.js [--dir DIR] [--env K=V]... [--timing FILE] module.wasm [args...]
package talk.graalvm;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

public final class JsHost {
  /** What the bundle sees as `host`: the inputs, and the process's stdout and stderr. */
  public static final class Io {
    private final OutputStream[] out = { new FileOutputStream(FileDescriptor.out), new FileOutputStream(FileDescriptor.err) };
    private final Map<String, ByteBuffer> files;
    private final ByteBuffer module;
    private final ByteBuffer stdin;
    private final List<String> argv;
    private final List<String> env;

    Io(ByteBuffer module, ByteBuffer stdin, List<String> argv, List<String> env, Map<String, ByteBuffer> files) {
      this.module = module;
      this.stdin = stdin;
      this.argv = argv;
      this.env = env;
      this.files = files;
    }

    @HostAccess.Export public ByteBuffer module() { return module; }
    @HostAccess.Export public ByteBuffer stdin() { return stdin; }
    @HostAccess.Export public String[] argv() { return argv.toArray(String[]::new); }
    @HostAccess.Export public String[] env() { return env.toArray(String[]::new); }
    @HostAccess.Export public String[] filePaths() { return files.keySet().toArray(String[]::new); }
    @HostAccess.Export public ByteBuffer file(String path) { return files.get(path); }

    /** fd 1 or 2: `length` bytes of an ArrayBuffer from `offset`. */
    @HostAccess.Export
    public void write(int fd, Value arrayBuffer, int offset, int length) throws IOException {
      byte[] bytes = new byte[length];
      arrayBuffer.readBuffer(offset, bytes, 0, length);
      out[fd - 1].write(bytes);
    }
  }

  public static void main(String[] argv) throws IOException {
    Path bundle = Path.of(argv[0]);
    List<String> env = new ArrayList<>();
    Path dir = null;
    String timing = null;
    int i = 1;
    for (; i + 1 < argv.length && argv[i].startsWith("--"); i += 2) {
      switch (argv[i]) {
        case "--env" -> env.add(argv[i + 1]);
        case "--dir" -> dir = Path.of(argv[i + 1]);
        case "--timing" -> timing = argv[i + 1];
        default -> throw new IllegalArgumentException("unknown flag " + argv[i]);
      }
    }
    Path wasm = Path.of(argv[i]);
    List<String> args = new ArrayList<>(List.of(wasm.getFileName().toString().replaceFirst("\\.wasm$", "")));
    args.addAll(List.of(argv).subList(i + 1, argv.length));
    Map<String, ByteBuffer> files = new TreeMap<>();
    if (dir != null) {
      Path root = dir;
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path p : walk.filter(Files::isRegularFile).toList())
          files.put(root.relativize(p).toString().replace('\\', '/'), direct(Files.readAllBytes(p)));
      }
    }
    Io io = new Io(direct(Files.readAllBytes(wasm)), direct(System.in.readAllBytes()), args, env, files);

    int exitCode;
    Context context = Context.newBuilder("js", "wasm")
        .allowExperimentalOptions(true)
        .option("js.webassembly", "true") // GraalJS's WebAssembly global, on GraalWasm
        .option("js.performance", "true") // performance.now(), as the page's runner times _start
        .option("js.text-encoding", "true") // TextEncoder and TextDecoder, as the shim uses them
        .allowPolyglotAccess(PolyglotAccess.ALL) // GraalJS reaches GraalWasm through polyglot eval and bindings
        .allowHostAccess(HostAccess.newBuilder(HostAccess.EXPLICIT).allowBufferAccess(true).allowArrayAccess(true).build())
        .build();
    try (context) {
      context.eval(Source.newBuilder("js", bundle.toFile()).build());
      Value result = context.getBindings("js").getMember("GraalHost").getMember("run").execute(io);
      if (timing != null)
        Files.writeString(Path.of(timing), "{\"computeMs\":" + result.getMember("runMs").asDouble() + "}");
      Value trap = result.getMember("trap");
      if (!trap.isNull()) {
        System.err.println(trap.asString());
        exitCode = 134;
      }
      else {
        exitCode = result.getMember("exitCode").asInt();
      }
    }
    catch (PolyglotException e) {
      System.err.println("GraalJS: " + e.getMessage());
      exitCode = 70;
    }
    System.exit(exitCode);
  }

  private static ByteBuffer direct(byte[] bytes) {
    return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
  }
}
