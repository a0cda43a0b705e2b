// Dump Spectral's built-in `spectral:oas` ruleset as data (JSON on stdout).
//   node tests/spectral/tools/dump_oas_ruleset.js > /tmp/oas.json
// Needs bench/.cache/node (bash bench/setup.sh). Functions are written by
// name; formats by Spectral's identifiers (oas2, oas3, oas3_0, ...).
const path = require('path');
const M = path.resolve(__dirname, '../../../bench/.cache/node/node_modules');
const { oas } = require(path.join(M, '@stoplight/spectral-rulesets'));
const formats = require(path.join(M, '@stoplight/spectral-formats'));

const formatName = new Map(Object.entries(formats).filter(([, f]) => typeof f === 'function').map(([n, f]) => [f, n]));
const fmt = list => (list ? [...list].map(f => formatName.get(f) || f.name) : undefined);
const fn = f => f.name;
const then = t => {
  const out = { function: fn(t.function) };
  if (t.field !== undefined) out.field = t.field;
  if (t.functionOptions !== undefined) out.functionOptions = t.functionOptions;
  return out;
};
const aliases = {};
for (const [name, value] of Object.entries(oas.aliases || {})) {
  aliases[name] = Array.isArray(value) ? value : { targets: value.targets.map(t => ({ formats: fmt(t.formats), given: t.given })) };
}
const rules = {};
for (const [name, r] of Object.entries(oas.rules)) {
  const thens = Array.isArray(r.then) ? r.then : [r.then];
  const out = {
    description: r.description,
    message: r.message,
    recommended: r.recommended !== false,
    severity: r.severity,
    resolved: r.resolved !== false,
    formats: fmt(r.formats),
    given: r.given,
    then: thens.map(then),
  };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  rules[name] = out;
}
const pkg = require(path.join(M, '@stoplight/spectral-rulesets/package.json'));
console.log(JSON.stringify({ version: pkg.version, documentationUrl: oas.documentationUrl, formats: fmt(oas.formats), aliases, rules }, null, 1));
