export type Abi = { kind: 'abi'; abi: number } | { kind: 'napi' } | { kind: 'unknown' };
export type Platform = 'linux' | 'win32' | 'darwin';
export function abiOf(bytes: Buffer): Abi;
export function formatOf(bytes: Buffer): Platform | 'unknown';
export function electronAbi(electronVersion: string): number;
export function checkNativeModules(
  dir: string,
  options: { electronVersion: string; platform: Platform },
): Array<Abi & { file: string; format: Platform | 'unknown' }>;
