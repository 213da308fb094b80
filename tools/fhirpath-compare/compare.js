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

// An element is handed to fhirpath.js as its JSON value with its base path (fhirpath.js's API for a part of a resource);
// expressions are compiled once per base path. (fhirpath.js then sees a primitive's value without its _name extensions.)
const basedCompiled = new Map();
function compileAt(base, expression) {
  const key = base + '\u0001' + expression;
  if (!basedCompiled.has(key)) basedCompiled.set(key, fhirpath.compile({ base, expression }, r4, raw));
  return basedCompiled.get(key);
}

function walk(file, steps) {
  let value = load(file);
  for (const step of steps) value = value?.[step];
  return value;
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
  const node = walk(c.file, c.node);
  const vars = { resource: walk(c.file, c.resource), rootResource: walk(c.file, c.rootResource) };
  const fn = c.node.length === 0 ? compile(c.expression) : compileAt(c.base, c.expression);
  return { run: () => fn(node, vars) };
});

measure('suite', suite);
measure('core invariants', invariants);
