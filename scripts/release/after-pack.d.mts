export interface AfterPackContext {
  appOutDir: string;
  electronPlatformName: string;
  packager: { getResourcesDir(appOutDir: string): string; info: { framework: { version: string } } };
}
export default function afterPack(context: AfterPackContext): Promise<void>;
