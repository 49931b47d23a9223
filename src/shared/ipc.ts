import type { ModMethod } from './api';

/**
 * The IPC channel map: the only place channel strings exist. Main registers handlers from it and the preloads
 * call through it; a lint rule keeps `ipcMain`/`ipcRenderer` out of every other file.
 */
export const IPC_PUSH = 'onair:push';
export const IPC_READY = 'onair:ready';

/** Mod-console requests (renderer → main, invoke). Kept as a list so the preload needs no schema library. */
export const MOD_METHODS = [
  'act',
  'send',
  'getSettings',
  'updateSettings',
  'alertControl',
  'loginTwitch',
  'cancelLogin',
  'logoutTwitch',
  'reconnect',
  'setSourceToken',
  'setClickThrough',
  'getOverlayUrl',
  // User card and moderation log.
  'userCard',
  'userHistory',
  'setUserNote',
  'modLog',
  'exportModLog',
  'keepOffStream',
] as const satisfies readonly ModMethod[];

// Compile-time check that the list names every method of the contract.
type Missing = Exclude<ModMethod, (typeof MOD_METHODS)[number]>;
const _everyMethodListed: Missing extends never ? true : Missing = true;
void _everyMethodListed;

export const requestChannel = (method: ModMethod): string => `onair:mod:${method}`;

export function isModMethod(value: unknown): value is ModMethod {
  return typeof value === 'string' && (MOD_METHODS as readonly string[]).includes(value);
}
