import { app, crashReporter, dialog, type BrowserWindow } from 'electron';
import type { DeskLog } from '../diagnostics/desk-log';

/**
 * Crash dumps stay on this computer (app.getPath('crashDumps')): nothing is uploaded anywhere.
 * 导出诊断信息 lists their names; support asks for a dump when it needs one. Must run before ready.
 */
export function keepCrashDumpsLocally(): void {
  crashReporter.start({ uploadToServer: false, compress: true });
}

/** Reloads at most this often: a renderer that dies on every load must not spin the CPU. */
const MIN_RELOAD_GAP_MS = 10_000;

/**
 * When the renderer process dies (a crash, out of memory, killed), the window is reloaded and the
 * user is told what happened, in both languages, instead of staring at a blank window. Their work
 * is safe: everything they did is in main's store and outbox, not in the renderer.
 */
export function reloadWhenRendererGone(window: BrowserWindow, log: DeskLog): void {
  let lastReload = 0;
  window.webContents.on('render-process-gone', (_event, details) => {
    log.error(`renderer gone: ${details.reason} (exit code ${details.exitCode})`);
    if (details.reason === 'clean-exit' || window.isDestroyed()) return;
    const now = Date.now();
    if (now - lastReload < MIN_RELOAD_GAP_MS) {
      log.error('renderer gone again right after a reload: not reloading in a loop');
      return;
    }
    lastReload = now;
    window.webContents.reload();
    void dialog.showMessageBox(window, {
      type: 'warning',
      title: app.getName(),
      message:
        '界面意外退出，已重新加载。已完成的操作都已保存。\nThe window stopped unexpectedly and was reloaded. Your work is saved.',
      detail: `${details.reason} (${details.exitCode})`,
    });
  });
}
