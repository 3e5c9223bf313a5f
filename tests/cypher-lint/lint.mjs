// Lint Cypher statements with Neo4j's own parser (@neo4j-cypher/language-support).
//
// stdin:  {"statements": ["MATCH ...", ...], "labels": [...], "relationshipTypes": [...]}
//         (a bare JSON array of statements is accepted too)
// stdout: [{"statement": "...", "diagnostics": [{"severity": 1, "message": "...", "offsets": {...}}]}]
//
// Severity 1 is an error, 2 a warning. "Parameter $x is not defined" diagnostics are
// dropped: statements are linted without their parameter values. Functions are checked
// against the Neo4j function registry the package ships for its own tests, when present,
// so a LadybugDB-only function (label(), ...) is reported as unknown.
import { lintCypherQuery, isNotParamError } from '@neo4j-cypher/language-support';

async function neo4jFunctions() {
  const url = new URL(
    './node_modules/@neo4j-cypher/language-support/dist/esm/project/language-support/src/tests/testData.js',
    import.meta.url,
  );
  try {
    const { testData } = await import(url.href);
    return testData.mockSchema.functions;
  } catch {
    return undefined;
  }
}

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

const input = JSON.parse(await readStdin());
const request = Array.isArray(input) ? { statements: input } : input;
const functions = await neo4jFunctions();
const schema = {
  labels: request.labels ?? [],
  relationshipTypes: request.relationshipTypes ?? [],
  ...(functions ? { functions } : {}),
};
const report = request.statements.map((statement) => {
  const { diagnostics } = lintCypherQuery(statement, schema);
  return {
    statement,
    diagnostics: diagnostics
      .filter((d) => isNotParamError(d))
      .map((d) => ({ severity: d.severity, message: d.message, offsets: d.offsets })),
  };
});
process.stdout.write(JSON.stringify({ functionsChecked: Boolean(functions), results: report }));
