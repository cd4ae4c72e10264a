import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deskSettings, type DeskSettings } from '../../shared/contract/settings-procedures';
import { ApiFailure } from '../ipc/failure';
import { privateDir } from '../session/private-files';
import { checkServiceUrl } from '../session/service-url';

const FILE = 'desk-settings.json';
export const NO_SETTINGS: DeskSettings = { serviceUrl: null, updateUrl: null };

/**
 * The desk's saved settings. A missing file is no settings; a damaged one too (the desk then
 * starts on its environment or the demo, and 设置 shows nothing saved), never a desk that will not
 * start because of a settings file.
 */
export function readDeskSettings(dir: string): DeskSettings {
  try {
    const parsed = deskSettings.safeParse(JSON.parse(readFileSync(join(dir, FILE), 'utf8')));
    return parsed.success ? parsed.data : NO_SETTINGS;
  } catch {
    return NO_SETTINGS;
  }
}

/** Written whole beside its name and renamed, 0600: a crash never leaves half a file. */
export function writeDeskSettings(dir: string, settings: DeskSettings): void {
  privateDir(dir);
  const partial = join(dir, `${FILE}.partial`);
  writeFileSync(partial, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
  renameSync(partial, join(dir, FILE));
}

/** The update feed: https only (an installer is code the desk will run), no credentials in it. */
export function checkUpdateUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ApiFailure('VALIDATION_FAILED', `Not a web address: ${text}`);
  }
  if (url.protocol !== 'https:') {
    throw new ApiFailure('INSECURE_UPDATE_URL', `Updates are downloaded over https only: ${url.origin}`);
  }
  if (url.username || url.password) {
    throw new ApiFailure('VALIDATION_FAILED', 'A user name or password does not belong in the update address');
  }
  return url.href;
}

/** Settings as they will be saved: blank is "not set", addresses checked and normalised. */
export function checkDeskSettings(input: DeskSettings, { allowInsecure }: { allowInsecure: boolean }): DeskSettings {
  const blank = (text: string | null) => (text === null || text.trim() === '' ? null : text.trim());
  const serviceUrl = blank(input.serviceUrl);
  const updateUrl = blank(input.updateUrl);
  return {
    serviceUrl: serviceUrl === null ? null : checkServiceUrl(serviceUrl, { allowInsecure }),
    updateUrl: updateUrl === null ? null : checkUpdateUrl(updateUrl),
  };
}

export interface DeskStart {
  /** The service to use, or null for the embedded demo company. */
  serviceUrl: string | null;
  serviceSource: 'environment' | 'settings' | 'demo';
  updateUrl: string | null;
  saved: DeskSettings;
  lockedByEnvironment: { serviceUrl: boolean; updateUrl: boolean };
}

/**
 * What a desk starts with: the environment (a deployment's ORDER_SERVICE_URL, browser mode's
 * --service) wins over 设置, which wins over the embedded demo company.
 */
export function deskStart(
  dir: string,
  environment: { serviceUrl?: string | null | undefined; updateUrl?: string | null | undefined },
  { allowInsecure = false }: { allowInsecure?: boolean } = {},
): DeskStart {
  const saved = readDeskSettings(dir);
  const envService = environment.serviceUrl || null;
  const envUpdate = environment.updateUrl || null;
  // A saved address this run would refuse (http saved while ORDER_DESK_ALLOW_HTTP was set) must
  // not keep the desk from starting, where 设置 could not be reached to fix it: it is left unused.
  const usable = saved.serviceUrl !== null && acceptable(saved.serviceUrl, allowInsecure) ? saved.serviceUrl : null;
  const serviceUrl = envService ?? usable;
  return {
    serviceUrl,
    serviceSource: envService ? 'environment' : usable ? 'settings' : 'demo',
    updateUrl: envUpdate ?? saved.updateUrl,
    saved,
    lockedByEnvironment: { serviceUrl: envService !== null, updateUrl: envUpdate !== null },
  };
}

function acceptable(url: string, allowInsecure: boolean): boolean {
  try {
    checkServiceUrl(url, { allowInsecure });
    return true;
  } catch {
    return false;
  }
}

const MARKER = 'service-origin';

/**
 * The folder of the desk's local copy for one service. Users' databases, outboxes and pull cursors
 * belong to the service they came from: a desk pointed at another company must neither show the
 * old company's orders nor push its unsent work there, and pointing it back must find that work
 * again. The first service a desk uses keeps `client/` (so existing desks keep their data); every
 * other gets `client-<hash of its origin>/`. The embedded demo counts as one service, whatever
 * port it gets.
 */
export function clientDirFor(userData: string, serviceUrl: string | null): string {
  const origin = serviceUrl === null ? 'demo' : new URL(serviceUrl).origin;
  const first = join(userData, 'client');
  const marker = join(first, MARKER);
  if (!existsSync(marker)) {
    privateDir(first);
    writeFileSync(marker, `${origin}\n`, { mode: 0o600 });
  }
  if (readFileSync(marker, 'utf8').trim() === origin) return first;
  const dir = join(userData, `client-${createHash('sha256').update(origin).digest('hex').slice(0, 16)}`);
  privateDir(dir);
  return dir;
}
