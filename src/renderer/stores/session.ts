import { create } from 'zustand';
import type { SessionInfo, SyncStatus } from '../../shared/contract/api';
import type { ApiError } from '../../shared/contract/result';
import { api, onEvent } from '../api/client';
import { useNames } from './names';
import { useExceptions } from './exceptions';
import { useNavigation } from './navigation';
import { useOrders } from './orders';
import { useShift } from './shift';

interface SessionState {
  /** undefined until main has answered who is signed in. */
  session: SessionInfo | null | undefined;
  sync: SyncStatus | null;
  signingIn: boolean;
  error: ApiError | null;
  start(): () => void;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  syncNow(): Promise<void>;
}

export const useSession = create<SessionState>((set, get) => ({
  session: undefined,
  sync: null,
  signingIn: false,
  error: null,
  start() {
    // Events can arrive after the answer to this window's own sign-in or sign-out, so an event only
    // prompts a fresh look at who main says is signed in now.
    const refresh = async () => {
      const current = await api['session.current']({});
      const session = current.ok ? current.value : null;
      if (session?.username !== get().session?.username) forgetShown();
      set({ session });
      if (session) void useNames.getState().load();
    };
    void refresh();
    void api['sync.status']({}).then((r) => r.ok && set({ sync: r.value }));
    const offSession = onEvent('session.changed', () => void refresh());
    const offSync = onEvent('sync.status', (sync) => set({ sync }));
    return () => {
      offSession();
      offSync();
    };
  },
  async signIn(username, password) {
    set({ signingIn: true, error: null });
    const result = await api['session.signIn']({ username, password });
    if (!result.ok) return set({ signingIn: false, error: result.error });
    forgetShown();
    set({ signingIn: false, session: result.value });
    void useNames.getState().load();
    const status = await api['sync.status']({});
    if (status.ok) set({ sync: status.value });
  },
  async signOut() {
    await api['session.signOut']({});
    forgetShown();
    set({ session: null, sync: null });
  },
  async syncNow() {
    const result = await api['sync.now']({});
    if (result.ok) set({ sync: result.value });
  },
}));

/** A new user must never see the last one's orders, exceptions or shift, not even for a frame. */
function forgetShown(): void {
  useOrders.getState().reset();
  useExceptions.getState().reset();
  useShift.getState().reset();
  useNavigation.getState().closeOrder();
}
