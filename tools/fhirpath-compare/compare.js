// Evaluations per second of fhirpath.js (R4 model) on the FHIRPath workloads of the FhirGateway benchmarks.
// Input: the JSON written by `dotnet run -c Release --project tests/FhirGateway.Benchmarks -- --export-fhirpath-cases FILE`.
// Usage: node compare.js FILE [seconds-per-workload]
'use strict';
const fs = require('fs');
const fhirpath = require('fhirpath');
const r4 = require('fhirpath/fhir-context/r4');

const [casesFile, secondsArg] = process.argv.slice(2);
if (!casesFile) {
  console.error('usage: node compare.js CASES.json [seconds]');
  process.exit(2);
}
const seconds = Number(secondsArg ?? 10);
const cases = JSON.parse(fs.readFileSync(casesFile, 'utf8'));
// Results stay internal (no conversion to plain JS values), and trace() and warnings are not printed, as in the C# run.
const raw = { resolveInternalTypes: false, traceFn: () => {} };
console.warn = () => {};

const files = new Map();
function load(file) {
  if (!files.has(file)) files.set(file, JSON.parse(fs.readFileSync(file, 'utf8')));
  return files.get(file);
}

const compiled = new Map();
function compile(expression) {
  if (!compiled.has(expression)) compiled.set(expression, fhirpath.compile(expression, r4, raw));
  return compiled.get(expression);
}

// Nodes are selected with fhirpath.js itself (once each), so they carry its type and path information.
const selectors = new Map();
const nodes = new Map();
function select(file, path) {
  const key = file + '\u0001' + path;
  if (nodes.has(key)) return nodes.get(key);
  if (!selectors.has(path)) selectors.set(path, fhirpath.compile(path, r4, raw));
  const found = selectors.get(path)(load(file));
  if (found.length !== 1) throw new Error(`${path} selects ${found.length} nodes`);
  nodes.set(key, found[0]);
  return found[0];
}

/** Keeps the evaluations that run without an error; the rest are counted and reported. */
function prepare(name, items, make) {
  const runnable = [];
  let failed = 0;
  for (const item of items) {
    try {
      const e = make(item);
      e.run();
      runnable.push(e);
    } catch (err) {
      failed++;
    }
  }
  console.log(`${name}: ${runnable.length} evaluations per pass (${failed} of ${items.length} left out: they fail in fhirpath.js)`);
  return runnable;
}

function measure(name, evaluations) {
  for (const e of evaluations) e.run(); // warm-up pass
  let passes = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < seconds) {
    for (const e of evaluations) e.run();
    passes++;
    elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  }
  const perSecond = (passes * evaluations.length) / elapsed;
  console.log(`${name}: ${passes} passes in ${elapsed.toFixed(2)} s = ${Math.round(perSecond).toLocaleString('en-US')} evaluations/s (${(elapsed / passes * 1000).toFixed(2)} ms per pass)`);
}

const suite = prepare('suite', cases.suite, c => {
  const fn = compile(c.expression);
  const input = c.input === null ? {} : load(c.input);
  return { run: () => fn(input) };
});

const invariants = prepare('core invariants', cases.invariants, c => {
  const node = select(c.file, c.path);
  const vars = { resource: select(c.file, c.resource), rootResource: select(c.file, c.rootResource) };
  const fn = compile(c.expression);
  return { run: () => fn(node, vars) };
});

measure('suite', suite);
measure('core invariants', invariants);
