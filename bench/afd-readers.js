// Runs two third-party AFD readers on one file and prints what each reports (see bench/afd-readers.sh).
// argv: <pontofacial afdValidator.js> <AFD-Expert functions/upload.js> <afd file>
const fs = require('fs');
const [validatorPath, expertPath, file] = process.argv.slice(2);
const bytes = fs.readFileSync(file);

// pontofacial/@ponto/core-legal: validateAFD671(text) -> { ok, errors: [{ line, message }] }
const { validateAFD671 } = require(validatorPath);
const result = validateAFD671(bytes.toString('latin1'));
const byMessage = new Map();
for (const e of result.errors) {
  const key = e.message.replace(/\(esperado [^)]*\)/, '(esperado …)');
  byMessage.set(key, [...(byMessage.get(key) || []), e.line]);
}
console.log(`pontofacial validateAFD671: ok=${result.ok}, ${result.errors.length} error(s)`);
for (const [message, lines] of byMessage) console.log(`  ${message} — lines ${lines.join(', ')}`);

// AFD-Expert-671: a Netlify function taking the file as base64; answers counts per type and the lines it finds invalid.
const { handler } = require(expertPath);
handler({ body: JSON.stringify({ file: bytes.toString('base64') }) }).then((response) => {
  const body = JSON.parse(response.body);
  const counts = Object.fromEntries(Object.entries(body.registros || {}).map(([t, l]) => [t, l.length]));
  console.log(`AFD-Expert-671: status ${response.statusCode}, ${body.totalLinhas} lines, records by type ${JSON.stringify(counts)}`);
  console.log(`  period ${body.dataInicio}..${body.dataFim}, generated ${body.dataHoraGeracao}`);
  console.log(`  last employer change (type 2): ${JSON.stringify(body.ultimaAlteracaoEmpresa)}`);
  console.log(`  invalid lines: ${(body.linhasInvalidas || []).length}`);
  for (const line of body.linhasInvalidas || []) console.log(`    [${line.length}] ${line.slice(0, 40)}…`);
});
