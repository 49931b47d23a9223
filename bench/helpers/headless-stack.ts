/** Shared by the browser benchmarks: the e2e harness's real core + headless server + Chromium, on the flood channel. */
import { startStackWith, type Stack } from '../../test/e2e/harness';
import { FLOOD_CHANNEL } from './flood-child';

/** The real core reading `#floodchan` from `ircUrl`, the headless server, and Chromium (renderer built first). */
export function startHeadlessStack(
  ircUrl: string,
  extra: { endpoints?: Record<string, string>; chromiumArgs?: string[] } = {},
): Promise<Stack> {
  return startStackWith(
    {
      version: 1,
      endpoints: { twitchIrc: ircUrl, ...extra.endpoints },
      // Third-party emotes only when the bench brought its fake emote APIs (--emotes); never the real services.
      ...(extra.endpoints?.bttvApi ? { emotes: { bttv: true, ffz: true, seventv: true } } : {}),
      sources: [{ id: 'tw', type: 'twitch', channel: FLOOD_CHANNEL, anonymous: true }],
    },
    undefined,
    { chromiumArgs: extra.chromiumArgs },
  );
}
