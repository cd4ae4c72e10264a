// Checks that every native module an installer ships was built for the Electron it ships with.
// A module built for Node's ABI (what `npm install` makes) loads under Node and fails in the
// packaged app at start ("was compiled against a different Node.js version"), which no test on a
// build machine without Electron would see; so the packaging step reads each binary instead.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** What an addon's binary says about the runtime it was built for. */
export function abiOf(bytes) {
  const text = bytes.toString('latin1');
  const node = /node_register_module_v(\d+)/.exec(text);
  if (node) return { kind: 'abi', abi: Number(node[1]) };
  // Node-API modules are ABI-stable: they load in any runtime that has their Node-API version.
  if (text.includes('napi_register_module_v1')) return { kind: 'napi' };
  return { kind: 'unknown' };
}

/** The executable format a binary is in, to catch a Linux build shipped in a Windows installer. */
export function formatOf(bytes) {
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0x7f454c46) return 'linux';
  if (bytes.length >= 2 && bytes.toString('latin1', 0, 2) === 'MZ') return 'win32';
  const magic = bytes.length >= 4 ? bytes.readUInt32BE(0) : 0;
  if ([0xcffaedfe, 0xfeedfacf, 0xcefaedfe, 0xfeedface, 0xcafebabe].includes(magic)) return 'darwin';
  return 'unknown';
}

export function electronAbi(electronVersion) {
  return Number(require('node-abi').getAbi(electronVersion, 'electron'));
}

function nodeFiles(dir) {
  let found = [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return found;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found = found.concat(nodeFiles(path));
    else if (entry.name.endsWith('.node')) found.push(path);
  }
  return found;
}

/**
 * Every `.node` under `dir` (the packed app's app.asar.unpacked) must be built for `electronVersion`
 * and `platform`. Returns the modules checked; throws one message naming every wrong one and what
 * to do, so the build fails loudly instead of shipping an installer that cannot start.
 */
export function checkNativeModules(dir, { electronVersion, platform }) {
  const wanted = electronAbi(electronVersion);
  const files = nodeFiles(dir);
  const problems = [];
  const checked = files.map((file) => {
    const bytes = readFileSync(file);
    const abi = abiOf(bytes);
    const format = formatOf(bytes);
    const name = relative(dir, file);
    if (format !== platform) problems.push(`${name} is a ${format} binary, the installer is for ${platform}`);
    if (abi.kind === 'abi' && abi.abi !== wanted)
      problems.push(`${name} was built for ABI ${abi.abi} (Node), Electron ${electronVersion} needs ABI ${wanted}`);
    if (abi.kind === 'unknown') problems.push(`${name} names no Node module ABI: not an addon this check knows`);
    return { file: name, ...abi, format };
  });
  if (!files.some((file) => file.endsWith('better_sqlite3.node'))) {
    problems.push(`better_sqlite3.node is not in ${dir}: asarUnpack must keep native modules outside the asar`);
  }
  if (problems.length) {
    throw new Error(
      `Native modules not built for this Electron:\n  ${problems.join('\n  ')}\n` +
        'Rebuild them for Electron (electron-builder does with npmRebuild: true on a machine that can download ' +
        "Electron's headers; or npx @electron/rebuild -f -w better-sqlite3) and package again. See docs/release.md.",
    );
  }
  return checked;
}
