// GraalWasm's host: runs a wasm32-wasi command with GraalWasm's own WASI preview 1
// (the wasm.Builtins option), the process's stdin, stdout and stderr, and exits with the
// module's exit code. The same flags as Node's host (demos/node/run-wasi.mjs):
//   java ... talk.graalvm.WasiHost [--dir DIR] [--env K=V]... [--timing FILE] module.wasm [args...]
// --dir DIR preopens DIR as "/"; --timing FILE writes {"computeMs": …}, _start to its exit.
package talk.graalvm;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.graalvm.polyglot.io.IOAccess;

public final class WasiHost {
  public static void main(String[] argv) throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    String dir = null;
    String timing = null;
    int i = 0;
    for (; i + 1 < argv.length && argv[i].startsWith("--"); i += 2) {
      switch (argv[i]) {
        case "--env" -> env.put(argv[i + 1].substring(0, argv[i + 1].indexOf('=')), argv[i + 1].substring(argv[i + 1].indexOf('=') + 1));
        case "--dir" -> dir = argv[i + 1];
        case "--timing" -> timing = argv[i + 1];
        default -> throw new IllegalArgumentException("unknown flag " + argv[i]);
      }
    }
    if (i >= argv.length) {
      System.err.println("usage: WasiHost [--dir DIR] [--env K=V]... [--timing FILE] module.wasm [args...]");
      System.exit(2);
    }
    Path wasm = Path.of(argv[i]);
    String name = wasm.getFileName().toString().replaceFirst("\\.wasm$", "");
    List<String> args = new ArrayList<>(List.of(name));
    args.addAll(List.of(argv).subList(i + 1, argv.length));

    // #region host
    Context.Builder builder = Context.newBuilder("wasm")
        .option("wasm.Builtins", "wasi_snapshot_preview1")
        .arguments("wasm", args.toArray(String[]::new))
        .environment(env) // only these: no inherited environment
        // The process's own fds, unbuffered: bytes go out as the module writes them.
        .in(new FileInputStream(FileDescriptor.in))
        .out(new FileOutputStream(FileDescriptor.out))
        .err(new FileOutputStream(FileDescriptor.err));
    if (dir != null) // GraalWasm's preopen: [virtual::]host
      builder.allowIO(IOAccess.ALL).option("wasm.WasiMapDirs", "/::" + dir);
    int exitCode = 0;
    long computeNs = -1;
    try (Context context = builder.build()) {
      Source source = Source.newBuilder("wasm", ByteSequence.create(Files.readAllBytes(wasm)), name).build();
      Value instance = context.eval(source).newInstance();
      Value start = instance.getMember("exports").getMember("_start");
      long t0 = System.nanoTime();
      try {
        start.executeVoid();
      }
      catch (PolyglotException e) {
        if (!e.isExit())
          throw e;
        exitCode = e.getExitStatus(); // proc_exit
      }
      finally {
        computeNs = System.nanoTime() - t0;
      }
    }
    // #endregion host
    catch (PolyglotException e) {
      if (e.isExit()) { // proc_exit, seen again when the exited context closes
        exitCode = e.getExitStatus();
      }
      else if (e.isHostException() || e.isInternalError()) {
        throw e;
      }
      else {
      // A trap (a Zig panic has already written its text to stderr): one line, as node:wasi's RuntimeError.
        System.err.println("wasm trap: " + e.getMessage());
        exitCode = 134;
      }
    }
    if (timing != null && computeNs >= 0)
      Files.writeString(Path.of(timing), "{\"computeMs\":" + computeNs / 1e6 + "}");
    System.exit(exitCode);
  }
}
