import { ipcMain, type BrowserWindow, type WebFrameMain } from 'electron';
import { fail } from '../../shared/contract/result';
import type { DeskBackend } from '../backend/host';
import { isAppUrl } from '../security/navigation';

/** Connects the dispatcher to Electron IPC, answering only frames that show the app itself. */
export function connectIpc(
  app: Pick<DeskBackend, 'dispatch' | 'events'>,
  window: BrowserWindow,
  devServerUrl: string | undefined,
): void {
  const trusted = (frame: WebFrameMain | null) => frame !== null && isAppUrl(frame.url, devServerUrl);
  ipcMain.handle('api:invoke', (event, procedure: unknown, input: unknown) => {
    if (!trusted(event.senderFrame)) return fail('UNAUTHENTICATED', 'Untrusted sender');
    return app.dispatch(procedure, input);
  });
  const unsubscribe = app.events.subscribe((name, payload) => {
    if (!window.isDestroyed()) window.webContents.send('api:event', name, payload);
  });
  window.on('closed', unsubscribe);
}
