import { utilityProcess } from 'electron';
import type { ServiceLauncher } from '../app/embedded-service';

/**
 * Electron's way to run the embedded demo service in a process of its own: a utility process (a
 * Node child Chromium starts and ends with the app). The packaged desk has the runAsNode fuse off,
 * so child_process.fork (which needs ELECTRON_RUN_AS_NODE) cannot start Electron's binary as Node.
 * Messages travel over the utility process's parent port (src/server/embedded.ts reads it there).
 */
export const utilityLauncher: ServiceLauncher = (file, args, execArgv) => {
  const child = utilityProcess.fork(file, args, { execArgv, stdio: 'inherit', serviceName: 'Order service (demo)' });
  let ended = false;
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      ended = true;
      resolve(code);
    }),
  );
  return {
    // A message posted before the process spawned is queued by Electron and delivered on spawn.
    send: (message) => child.postMessage(message),
    onceMessage: (listener) => child.once('message', listener),
    exited,
    running: () => !ended,
    kill: () => {
      child.kill();
    },
  };
};
