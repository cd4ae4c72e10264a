// electron-builder's afterPack hook (electron-builder.yml): runs once per platform and arch after
// the app is laid out and before the installer is made, so a wrong native build stops the release.
import { join } from 'node:path';
import { checkNativeModules } from './native-abi.mjs';

export default async function afterPack(context) {
  const { packager, appOutDir, electronPlatformName } = context;
  const unpacked = join(packager.getResourcesDir(appOutDir), 'app.asar.unpacked');
  const electronVersion = packager.info.framework.version;
  const checked = checkNativeModules(unpacked, { electronVersion, platform: electronPlatformName });
  console.log(`  • native modules built for Electron ${electronVersion}: ${checked.map((m) => m.file).join(', ')}`);
}
