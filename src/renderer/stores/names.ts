import { create } from 'zustand';
import type { Directory } from '../../shared/contract/directory';
import { EMPTY_DIRECTORY } from '../../shared/contract/empty-directory';
import { api } from '../api/client';

interface NamesState {
  directory: Directory;
  load(): Promise<void>;
}

/** The company's names for codes, as this desk last fetched them (kept for offline sessions). */
export const useNames = create<NamesState>((set) => ({
  directory: EMPTY_DIRECTORY,
  async load() {
    const answer = await api['directory.names']({});
    set({ directory: answer.ok ? answer.value : EMPTY_DIRECTORY });
  },
}));
