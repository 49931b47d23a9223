import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { sendJson } from './http-util';
import { fail, type HelixContext, type HelixHandler } from './helix-context';

/**
 * Helix chat badges (docs/protocol-twitch.md §3.4), served from real bodies: a subset of a real
 * `GET /helix/chat/badges/global` answer (Chatterino's February 2024 capture) and Twitch's documented channel
 * example. Any token will do; without one the fake answers 401 before reaching these routes.
 */
const load = (name: string): unknown[] =>
  (JSON.parse(readFileSync(resolve(import.meta.dirname, name), 'utf8')) as { data: unknown[] }).data;

export class FakeBadgeState {
  /** The global list (`data`), replaceable by a test (hostile entries, an empty list). */
  global: unknown[] = load('helix-badges-global.json');
  /** broadcaster id → that channel's `data`; a channel not listed has no custom badges (`[]`). */
  readonly channels = new Map<string, unknown[]>();

  /** Twitch's documented channel example (custom `bits/1` and `subscriber/0`) for this broadcaster. */
  useDocumentedChannelBadges(broadcasterId: string): void {
    this.channels.set(broadcasterId, load('helix-badges-channel.json'));
  }

  /** Every https image URL the fake hands out (what a fake CDN should serve). */
  imageUrls(): string[] {
    const lists = [this.global, ...this.channels.values()];
    return lists.flatMap((list) =>
      list.flatMap((set) =>
        ((set as { versions?: Array<Record<string, unknown>> }).versions ?? []).flatMap((v) =>
          [v.image_url_1x, v.image_url_2x, v.image_url_4x].filter((u): u is string => typeof u === 'string'),
        ),
      ),
    );
  }
}

export function badgeRoutes(state: FakeBadgeState): Record<string, HelixHandler> {
  return {
    'GET /chat/badges/global': (ctx) => sendJson(ctx.res, 200, { data: state.global }),
    'GET /chat/badges': (ctx: HelixContext) => {
      const broadcasterId = ctx.query.get('broadcaster_id');
      if (!broadcasterId) return void fail(ctx, 400, 'Missing required parameter "broadcaster_id"');
      if (!ctx.store.usersById.has(broadcasterId))
        return void fail(ctx, 400, 'The parameter "broadcaster_id" provided is invalid.');
      sendJson(ctx.res, 200, { data: state.channels.get(broadcasterId) ?? [] });
    },
  };
}
