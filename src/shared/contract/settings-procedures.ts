import { z } from 'zod';
import { procedure } from './procedure';

/** What this desk is set to use, saved in its settings file (null: not set there). */
export const deskSettings = z.strictObject({
  serviceUrl: z.string().trim().max(500).nullable(),
  updateUrl: z.string().trim().max(500).nullable(),
});
export type DeskSettings = z.infer<typeof deskSettings>;

/** Where the running desk's service address came from: the environment wins, the demo is the fallback. */
export const SETTING_SOURCES = ['environment', 'settings', 'demo'] as const;

export const deskSettingsView = z.strictObject({
  saved: deskSettings,
  running: z.strictObject({
    serviceUrl: z.string(),
    serviceSource: z.enum(SETTING_SOURCES),
    updateUrl: z.string().nullable(),
  }),
  /** Set by ORDER_SERVICE_URL / ORDER_DESK_UPDATE_URL: the environment wins over what is saved here. */
  lockedByEnvironment: z.strictObject({ serviceUrl: z.boolean(), updateUrl: z.boolean() }),
  /** What was saved differs from what runs: it takes effect when the desk restarts. */
  restartNeeded: z.boolean(),
  /** The Electron desk restarts itself; browser mode is restarted by whoever started it. */
  canRestart: z.boolean(),
});
export type DeskSettingsView = z.infer<typeof deskSettingsView>;

/**
 * 设置: the desk's own connection settings (which order service, which update feed). Anyone signed
 * in may read them (the address is not a secret, and support asks for it); only an admin changes
 * them, because pointing a desk at another service sends every later sign-in there.
 */
export const settingsProcedures = {
  'settings.get': procedure({ input: z.strictObject({}), output: deskSettingsView, right: 'signedIn' }),
  'settings.save': procedure({ input: deskSettings, output: deskSettingsView, right: 'admin.manage' }),
  'settings.restart': procedure({ input: z.strictObject({}), output: z.strictObject({}), right: 'admin.manage' }),
};
