import type { Badge, Capability, NoticeLevel, Role } from '../../../../shared/events';
import { lookupTable } from '../../../../shared/lookup';

/** ChatKC auth levels (kcchat-server `Authorization`). */
export const LEVEL_USER = 0;
export const LEVEL_MEMBER = 20;
export const LEVEL_MOD = 50;
export const LEVEL_ADMIN = 100;
const KNOWN_LEVELS = new Set([LEVEL_USER, LEVEL_MEMBER, LEVEL_MOD, LEVEL_ADMIN]);

/** The real server leaks uninitialised ints as levels (seen: 1946238848): anything unknown counts as 0. */
export function normaliseLevel(level: number | undefined): number {
  return level !== undefined && KNOWN_LEVELS.has(level) ? level : LEVEL_USER;
}

export function rolesForLevel(level: number): Role[] {
  if (level === LEVEL_ADMIN) return ['broadcaster'];
  if (level === LEVEL_MOD) return ['moderator'];
  if (level === LEVEL_MEMBER) return ['subscriber'];
  return [];
}

/**
 * The badge an author's level earns (docs/protocol-chatkc.md: 50 moderator, 100 owner). ChatKC has no badge
 * images, so the views show these as labelled pills. A fresh array per message: views may hold on to it.
 */
export function badgesForLevel(level: number): Badge[] {
  if (level >= LEVEL_ADMIN) return [{ setId: 'admin', version: '1', title: 'Admin (ChatKC owner)' }];
  if (level >= LEVEL_MOD) return [{ setId: 'moderator', version: '1', title: 'Moderator' }];
  return [];
}

/** What our account may do at `level` (commands: !rm at 50, the rest at 100). */
export function capabilitiesForLevel(level: number): Capability[] {
  const caps: Capability[] = ['send', 'reply', 'userConf'];
  if (level >= LEVEL_MOD) caps.push('delete');
  if (level >= LEVEL_ADMIN) caps.push('ban', 'unban', 'mod', 'unmod', 'ipban');
  return caps;
}

export interface StatusNotice {
  level: NoticeLevel;
  text: string;
}

/** Every `status` code the server sends, as a notice a moderator understands (a Map: the code is service data). */
export const STATUS_NOTICES = lookupTable<StatusNotice>({
  authenticated: { level: 'info', text: 'Signed in to ChatKC' },
  unauthenticated: { level: 'warning', text: 'Not signed in: read-only' },
  banned: { level: 'error', text: 'Banned from this chat' },
  rename: { level: 'warning', text: 'Choose a user name before chatting' },
  nameexists: { level: 'warning', text: 'That user name is already taken' },
  nameinvalid: { level: 'warning', text: 'User names may only contain letters, digits and _' },
  namelength: { level: 'warning', text: 'User names must be 3 to 32 characters long' },
  nametimeout: { level: 'warning', text: 'The user name can only be changed once every 30 days' },
  setuserconf: { level: 'info', text: 'User name and colour saved' },
});

export const NAME_ERRORS = new Set(['nameexists', 'nameinvalid', 'namelength', 'nametimeout']);

export function statusNotice(status: string): StatusNotice {
  return STATUS_NOTICES.get(status) ?? { level: 'info', text: `ChatKC status: ${status}` };
}
