import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['src/renderer', 'src/shared', 'electron.vite.config.ts', 'package.json'];

function newestMtime(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), info.mtimeMs);
}

/** Builds the renderer when it is missing or older than its sources, so `npm run web` always serves current code. */
export function ensureRendererBuilt(root: string): string {
  const outDir = join(root, 'out', 'renderer');
  const index = join(outDir, 'index.html');
  const sourcesChanged = () =>
    SOURCES.map((s) => join(root, s))
      .filter(existsSync)
      .reduce((newest, s) => Math.max(newest, newestMtime(s)), 0);
  if (existsSync(index) && statSync(index).mtimeMs >= sourcesChanged()) return outDir;
  console.log('Building the renderer (electron-vite build)…');
  const result = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('electron-vite build failed');
  return outDir;
}
