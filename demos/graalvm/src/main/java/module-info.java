// The hosts run on the module path, as GraalVM's embedding guide does: the languages
// (org.graalvm.wasm, org.graalvm.js) are found as services of org.graalvm.polyglot.
module talk.graalvm {
  requires org.graalvm.polyglot;
  // JsHost.Io's exported methods are called from JavaScript (Truffle's host access).
  exports talk.graalvm;
}
