import { pddPlatform } from './pdd/platform';
import type { ConnectorPlatform, Platform, PlatformOptions } from './platform';
import { taobaoPlatform } from './taobao/platform';

/** The registry of platforms a shop can be connected to. */
export const PLATFORMS: Record<ConnectorPlatform, (options: PlatformOptions) => Platform> = {
  taobao: taobaoPlatform,
  pdd: pddPlatform,
};
