// `npm start`: the Electron app where Electron can run; browser mode, said in one line, where it cannot.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const electronDir = join('node_modules', 'electron');

function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  if (existsSync(pathFile)) {
    const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    if (existsSync(binary)) return binary;
  }
  // Electron fetches its runtime on first launch; where nothing outside the registry is reachable this fails fast.
  const fetched = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'ignore', timeout: 120_000 });
  if (fetched.status !== 0 || !existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function whyElectronCannotStart() {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return 'no display';
  if (!electronBinary()) return 'its runtime could not be downloaded';
  return null;
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const reason = whyElectronCannotStart();
if (reason) {
  console.log(`Electron cannot start here (${reason}): serving browser mode instead.`);
  const web = spawn(process.execPath, ['scripts/web.mjs', ...process.argv.slice(2)], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => web.kill(signal));
  web.on('exit', (code) => process.exit(code ?? 1));
} else {
  run('npx', ['electron-vite', 'build']);
  // Native modules are built for Node by npm install; Electron needs its own ABI. Tests rebuild for Node again.
  run('npx', ['electron-builder', 'install-app-deps']);
  run('npx', ['electron', '.']);
}
