// Expected JSONPath matches, computed by the engine Spectral uses: nimma (legacy
// build, jsonpath-plus fallback, unsafe: false), configured as spectral-core's Runner.
//   node tests/spectral/tools/jsonpath_expected.js DOC.json EXPRESSIONS.json > EXPECTED.json
// Output: {expression: [[path segments]...] sorted and de-duplicated, or {"error": msg}}.
const fs = require('fs');
const path = require('path');
const M = path.resolve(__dirname, '../../../bench/.cache/node/node_modules');
const Nimma = require(path.join(M, 'nimma/dist/legacy/cjs/index.js')).default;
const { jsonPathPlus } = require(path.join(M, 'nimma/dist/legacy/cjs/fallbacks/index.js'));

const doc = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const expressions = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
const out = {};
for (const expr of expressions) {
  const found = new Map();
  try {
    const nimma = new Nimma([expr], { fallback: jsonPathPlus, unsafe: false, output: 'auto', customShorthands: {} });
    nimma.query(doc, {
      [expr]: scope => {
        const p = scope.path.map(String);
        found.set(JSON.stringify(p), p);
      },
    });
    out[expr] = [...found.keys()].sort().map(k => found.get(k));
  } catch (e) {
    out[expr] = { error: String((e && e.message) || e) };
  }
}
process.stdout.write(JSON.stringify(out, null, 1) + '\n');
