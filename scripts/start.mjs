// `npm start`: runs the product on embedded defaults (no API keys, no external services).
// Until the web service exists, it serves the bundled sample article on localhost and runs
// the CLI on it, then says where the MP4 is.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const samplePath = join(root, 'packages/pipeline/fixtures/articles/ja-utf8.html');
const html = await readFile(samplePath);
const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(html);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/sample-article`;
const outPath = join(root, 'out', 'sample.mp4');
console.log(`Serving the bundled sample article at ${url}`);
console.log('Running: movie-generator <url> --allow-private-network -o out/sample.mp4\n');

const child = spawn(
  process.execPath,
  [join(root, 'packages/pipeline/bin/movie-generator.js'), url, '--allow-private-network', '-o', outPath, ...process.argv.slice(2)],
  { stdio: 'inherit', cwd: root },
);
const code = await new Promise((resolve) => child.on('close', resolve));
server.close();
if (code === 0) console.log(`\nThe sample video is at ${outPath}`);
process.exit(code ?? 1);
