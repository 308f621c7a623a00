// npm run lint: @antfu/eslint-config (Slidev's and antfu's style) on the code.
// Markdown, JSON and YAML are left alone: slides.md is the talk, the JSON files are written by scripts.
import antfu from '@antfu/eslint-config'

export default antfu(
  {
    vue: true,
    typescript: true,
    markdown: false,
    jsonc: false,
    yaml: false,
    toml: false,
    ignores: ['public/**', 'bench/results.json', 'dist/**', 'test-dist/**', '.slidev/**', 'zig/**', '.zig/**', '.zig.partial/**', '**/*.pdf'],
  },
  {
    // A closure may name a variable declared after it, as long as it runs later (the watchdog's timer).
    rules: {
      'ts/no-use-before-define': ['error', { functions: false, classes: false, variables: false }],
      // antfu's import order, except that a comment starts a new group: a file's opening
      // comment stays at the top instead of moving with the import under it.
      'perfectionist/sort-imports': ['error', {
        groups: ['type', ['parent-type', 'sibling-type', 'index-type', 'internal-type'], 'builtin', 'external', 'internal', ['parent', 'sibling', 'index'], 'side-effect', 'object', 'unknown'],
        newlinesBetween: 'ignore',
        order: 'asc',
        type: 'natural',
        partitionByComment: true,
      }],
    },
  },
  {
    // Command-line programs: they print, and their top level may await.
    files: ['scripts/**', 'bench/**', 'tooling/**', 'dev-server/**', 'demos/node/**', 'demos/deno/**', 'demos/bun/**', 'demos/cloudflare-worker/**'],
    rules: { 'no-console': 'off', 'antfu/no-top-level-await': 'off' },
  },
)
