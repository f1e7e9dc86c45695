// Neo4j's own Cypher front end (parser + semantic analysis, from @neo4j-cypher/language-support) over
// statements read as JSON from stdin: [{"id": "...", "query": "...", "params": {...}}, ...].
// Prints one JSON array: [{"id", "diagnostics": [{"severity": "error"|"warning", "message", "line",
// "column", "offset"}]}]. Lines and columns are 1-based. Offline: no database is contacted.
"use strict";
const { lintCypherQuery } = require("@neo4j-cypher/language-support");

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const statements = JSON.parse(input);
  const out = statements.map(({ id, query, params }) => {
    const { diagnostics } = lintCypherQuery(query, { defaultLanguage: "CYPHER 5", parameters: params || {} });
    return {
      id,
      diagnostics: diagnostics.map((d) => ({
        severity: d.severity === 1 ? "error" : "warning",
        message: d.message,
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        offset: d.offsets ? d.offsets.start : null,
      })),
    };
  });
  process.stdout.write(JSON.stringify(out));
});
