import type { IncomingMessage } from 'node:http';
import { VIEW_SOCKET_PATHS } from '../../shared/bridge-protocol';
import type { ViewKind } from '../core/core-types';
import { describeUntrusted } from '../core/requests/bounds';
import { isOwnHost, ownOrigins, secretFromProtocols, secretMatches } from './security';

export type UpgradeDecision =
  { ok: true; kind: ViewKind } | { ok: false; status: 401 | 403 | 404 | 421; text: string; why: string };

function viewKindOf(url: string | undefined): ViewKind | null {
  const path = (url ?? '').split('?')[0];
  if (path === VIEW_SOCKET_PATHS.overlay) return 'overlay';
  if (path === VIEW_SOCKET_PATHS.mod) return 'mod';
  return null;
}

/**
 * Who may open which socket (docs/bridge-protocol.md): the overlay feed is read-only, but a browser page
 * on another origin still may not read it; the mod socket needs our own Origin and the per-start secret,
 * so a web page open in the streamer's browser cannot moderate through OnAir.
 */
export function decideUpgrade(req: IncomingMessage, port: number, secret: string): UpgradeDecision {
  const kind = viewKindOf(req.url);
  if (!kind) return { ok: false, status: 404, text: 'Not Found', why: 'unknown path' };
  if (!isOwnHost(req.headers.host, port)) {
    return { ok: false, status: 421, text: 'Misdirected Request', why: 'foreign Host header' };
  }
  const origin = req.headers.origin;
  const sameOrigin = origin !== undefined && ownOrigins(port).includes(origin);
  const foreign = {
    ok: false,
    status: 403,
    text: 'Forbidden',
    why: `origin ${origin === undefined ? '(none)' : describeUntrusted(origin)} is not ours`,
  } as const;
  if (kind === 'mod') {
    if (!sameOrigin) return foreign;
    if (!secretMatches(secret, secretFromProtocols(req.headers['sec-websocket-protocol']))) {
      return { ok: false, status: 401, text: 'Unauthorized', why: 'missing or wrong secret' };
    }
  } else if (origin !== undefined && !sameOrigin) {
    // Non-browser clients send no Origin; browsers always do, and only our own pages may read the feed.
    return foreign;
  }
  return { ok: true, kind };
}
