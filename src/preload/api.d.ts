import type { Bridge } from '../shared/contract/api';

declare global {
  interface Window {
    /** Present in Electron (the preload bridge); absent in browser mode, which uses HTTP. */
    api?: Bridge;
  }
}
