import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isEventName, isProcedureName, type Bridge } from '../shared/contract/api';

/**
 * The renderer's only way into main: invoke a procedure named in the contract, or listen to an
 * event named in it. No raw ipcRenderer, no channel names chosen by the page.
 */
const bridge: Bridge = {
  invoke(procedure, input) {
    if (!isProcedureName(procedure)) return Promise.reject(new Error(`Unknown procedure ${String(procedure)}`));
    return ipcRenderer.invoke('api:invoke', procedure, input);
  },
  subscribe(event, listener) {
    if (!isEventName(event)) throw new Error(`Unknown event ${String(event)}`);
    const onEvent = (_e: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on('api:event', onEvent);
    return () => ipcRenderer.off('api:event', onEvent);
  },
};

contextBridge.exposeInMainWorld('api', bridge);
