import type { Directory } from './directory';

/** No names known yet. Plain data: the renderer's first frame starts with it without running the contract's schemas. */
export const EMPTY_DIRECTORY: Directory = { warehouses: [], stores: [], dealers: [], users: [] };
