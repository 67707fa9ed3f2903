// Reads JSON Lines {"dialect": "hive"|"spark"|"trino", "sql": "..."} on stdin and prints, for each input line, one
// JSON line {"ok": true} or {"ok": false, "errors": ["line:col message", ...]}: the engines' own ANTLR4 grammars
// (dt-sql-parser) decide. Used by the .NET test GrammarTest; run `npm ci` here first.
import { register } from 'node:module';
import { createInterface } from 'node:readline';

register('./resolve.mjs', import.meta.url);
const { HiveSQL, SparkSQL, TrinoSQL } = await import('dt-sql-parser');

const parsers = { hive: new HiveSQL(), spark: new SparkSQL(), trino: new TrinoSQL() };
const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  if (line.trim() === '') continue;
  const { dialect, sql } = JSON.parse(line);
  const parser = parsers[dialect];
  if (!parser) {
    console.log(JSON.stringify({ ok: false, errors: [`unknown dialect ${dialect}`] }));
    continue;
  }
  const errors = parser.validate(sql).map(e => `${e.startLine}:${e.startColumn} ${e.message}`);
  console.log(JSON.stringify({ ok: errors.length === 0, errors }));
}
