import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { minimatch } from 'minimatch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import afterPack from '../../scripts/release/after-pack.mjs';
import { abiOf, checkNativeModules, electronAbi } from '../../scripts/release/native-abi.mjs';

const ROOT = join(import.meta.dirname, '../..');
const ELECTRON = (await import('electron/package.json', { with: { type: 'json' } })).default.version;
const NODE_BUILT = join(ROOT, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');

type Config = Awaited<ReturnType<typeof getConfig>>;

/** An ELF addon as a build for `abi` would be: the header and the symbol Node looks up. */
const elfAddon = (symbol: string) =>
  Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), Buffer.alloc(64), Buffer.from(`\0${symbol}\0`)]);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

describe('the installers’ configuration', () => {
  let config: Config;
  beforeAll(async () => {
    config = await getConfig(ROOT, null, null);
  });

  it('is valid for electron-builder, which refuses a misspelt fuse', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    const misspelt = { ...config, electronFuses: { ...config.electronFuses, runAsNod: false } } as Config;
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(
      /configuration\.electronFuses/,
    );
  });

  it('flips the fuses: no running as Node, the app only from its asar, cookies encrypted, no inspector', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('makes NSIS, dmg, AppImage and deb with ASCII file names and the deb’s metadata', () => {
    expect([config.win?.target, config.mac?.target, config.linux?.target]).toEqual([
      ['nsis'],
      ['dmg'],
      ['AppImage', 'deb'],
    ]);
    const names = [config.artifactName, config.nsis?.artifactName, config.dmg?.artifactName];
    for (const name of names) expect(name).toMatch(/^[\x20-\x7e]+$/);
    expect(config.executableName).toBe('order-desk');
    expect(config.linux).toMatchObject({
      maintainer: expect.stringMatching(/<.+@.+>/),
      synopsis: expect.any(String),
      description: expect.any(String),
      category: 'Office',
    });
    expect(config.deb).toMatchObject({ packageName: 'order-desk', depends: expect.arrayContaining(['libsecret-1-0']) });
  });

  it('updates from a generic feed whose URL the release names', () => {
    expect(config.publish).toEqual({ provider: 'generic', url: '${env.ORDER_DESK_UPDATE_URL}' });
  });

  it('unpacks native code only and ships better-sqlite3’s binary without its sources', () => {
    expect(config.asarUnpack).toEqual(['**/*.node']);
    // getConfig gathers the list into one filter; electron-builder matches its patterns with minimatch.
    const files = (config.files as Array<{ filter: string[] }>).flatMap((set) => set.filter);
    const patterns = files.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
    const shipped = filesUnder(join(ROOT, 'node_modules/better-sqlite3'))
      .map((file) => relative(ROOT, file))
      .filter((file) => !patterns.some((pattern) => minimatch(file, pattern, { dot: true })));
    expect(shipped).toContain('node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    expect(shipped.filter((file) => file.endsWith('.node'))).toHaveLength(1);
    expect(shipped.filter((file) => /\.(c|cc|cpp|h|o|a|gyp|gypi|mk)$/.test(file))).toEqual([]);
    const size = shipped.reduce((sum, file) => sum + statSync(join(ROOT, file)).size, 0);
    expect(size).toBeLessThan(4 * 1024 * 1024);
  });
});

describe('the packaging step’s check of native modules', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'order-native-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const unpacked = (name: string, files: Record<string, Buffer | string>) => {
    const root = join(dir, name, 'resources', 'app.asar.unpacked');
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      if (typeof content === 'string') copyFileSync(content, join(root, path));
      else writeFileSync(join(root, path), content);
    }
    return join(dir, name);
  };
  const context = (appOutDir: string, platform = 'linux') => ({
    appOutDir,
    electronPlatformName: platform,
    packager: { getResourcesDir: (out: string) => join(out, 'resources'), info: { framework: { version: ELECTRON } } },
  });
  const sqlitePath = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';

  it('fails the build, loudly, on better-sqlite3 as npm install builds it (for Node)', async () => {
    expect(abiOf(Buffer.from('xx node_register_module_v115 xx'))).toEqual({ kind: 'abi', abi: 115 });
    const out = unpacked('node-built', { [sqlitePath]: NODE_BUILT });
    const wanted = electronAbi(ELECTRON);
    const nodeAbi = Number(process.versions.modules);
    await expect(afterPack(context(out))).rejects.toThrow(
      new RegExp(
        `better_sqlite3\\.node was built for ABI ${nodeAbi} \\(Node\\), Electron ${ELECTRON} needs ABI ${wanted}`,
      ),
    );
  });

  it('passes a build for Electron’s ABI, and Node-API modules in any runtime', async () => {
    const out = unpacked('electron-built', {
      [sqlitePath]: elfAddon(`node_register_module_v${electronAbi(ELECTRON)}`),
      'node_modules/other/addon.node': elfAddon('napi_register_module_v1'),
    });
    await expect(afterPack(context(out))).resolves.toBeUndefined();
  });

  it('refuses a Linux binary in a Windows installer, and an installer without the database driver', () => {
    const out = unpacked('cross', { [sqlitePath]: elfAddon(`node_register_module_v${electronAbi(ELECTRON)}`) });
    expect(() =>
      checkNativeModules(join(out, 'resources', 'app.asar.unpacked'), { electronVersion: ELECTRON, platform: 'win32' }),
    ).toThrow(/is a linux binary, the installer is for win32/);
    const empty = unpacked('empty', { 'node_modules/x/readme.txt': Buffer.from('no addon') });
    expect(() =>
      checkNativeModules(join(empty, 'resources', 'app.asar.unpacked'), {
        electronVersion: ELECTRON,
        platform: 'linux',
      }),
    ).toThrow(/better_sqlite3\.node is not in/);
  });
});
