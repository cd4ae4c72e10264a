// `npm run web -- --port 5170`: browser mode (see src/main/web/cli.ts).
import { spawn } from 'node:child_process';

const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/web/cli.ts', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 1));
