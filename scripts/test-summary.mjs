// Adds up vitest's JSON reports of one `npm test` and prints one plain closing line.
import fs from 'node:fs'
import path from 'node:path'

const dir = process.argv[2]
let passed = 0
let failed = 0
let skipped = 0
for (const file of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
  if (!file.endsWith('.json')) continue
  const r = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'))
  passed += r.numPassedTests ?? 0
  // A suite that failed before any test ran (e.g. in beforeAll) counts as a failure too.
  failed += (r.numFailedTests ?? 0) || (r.numFailedTestSuites ?? 0)
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0)
  console.log(
    `${file.replace(/\.json$/, '')}: ${r.numPassedTests} passed, ${r.numFailedTests} failed`,
  )
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`)
