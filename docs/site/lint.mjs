// Lints every OpenAPI document of docs/openapi with two independent rule sets: Spectral's common
// `spectral:oas` (.spectral.yaml) and Redocly's `recommended` (redocly.yaml). Prints every problem
// and a count per document and linter; fails on any error and on any warning (both are at zero:
// a new warning is a regression to fix or to justify here). Usage: npm --prefix docs/site run lint
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const bin = (name) => path.join(here, 'node_modules/.bin', name);
const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
const documents = fs
  .readdirSync(path.join(root, 'docs/openapi'))
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => path.join(root, 'docs/openapi', f));

function run(command, args) {
  const r = spawnSync(command, args, { cwd: here, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  const start = r.stdout.search(/[[{]/);
  if (start < 0) throw new Error(`${path.basename(command)} printed no JSON:\n${r.stdout}\n${r.stderr}`);
  return JSON.parse(r.stdout.slice(start));
}

const SPECTRAL_SEVERITY = ['error', 'warning', 'info', 'hint'];
let errors = 0;
let warnings = 0;
for (const doc of documents) {
  const name = path.relative(root, doc);
  const spectral = run(bin('spectral'), ['lint', '--ruleset', '.spectral.yaml', '--format', 'json', '--quiet', doc]);
  const s = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const p of spectral) {
    const severity = SPECTRAL_SEVERITY[p.severity];
    s[severity]++;
    console.log(`  spectral ${severity} ${p.code} ${name}:${p.range.start.line + 1} ${p.path.join('.')}: ${p.message}`);
  }
  const redocly = run(bin('redocly'), ['lint', '--config', 'redocly.yaml', '--format', 'json', doc]);
  for (const p of redocly.problems) {
    const at = p.location?.[0];
    console.log(`  redocly ${p.severity} ${p.ruleId} ${name}:${at?.start?.line ?? '?'} ${at?.pointer ?? ''}: ${p.message}`);
  }
  console.log(
    `lint: ${name}: spectral:oas ${s.error} errors, ${s.warning} warnings, ${s.info + s.hint} infos;` +
      ` redocly recommended ${redocly.totals.errors} errors, ${redocly.totals.warnings} warnings`,
  );
  errors += s.error + redocly.totals.errors;
  warnings += s.warning + redocly.totals.warnings;
}
if (errors + warnings > 0) {
  console.error(`lint: ${errors} errors and ${warnings} warnings`);
  process.exit(1);
}
console.log('lint: ok');
