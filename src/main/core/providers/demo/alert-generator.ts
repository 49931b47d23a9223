import type { Alert, AlertType, AlertUser, Author, ChatMessage, SourceRef } from '../../../../shared/events';
import { buildDemoMessage } from './message-factory';
import { parseDemoText } from './message-parts';
import type { Rng } from './prng';

export const ALERT_WEIGHTS: readonly (readonly [AlertType, number])[] = [
  ['follow', 24],
  ['sub', 12],
  ['resub', 12],
  ['cheer', 12],
  ['redemption', 14],
  ['donation', 8],
  ['giftsub', 6],
  ['raid', 4],
  ['announcement', 5],
];

const TIERS = ['1000', '1000', '1000', '1000', '2000', '3000', 'Prime'] as const;
const RAIDERS = ['CozyCastleTV', 'speedy_sam', 'NightOwlPlays', 'MapleMoose', 'PixelPalace'];
const REWARDS: readonly (readonly [title: string, input: string | null])[] = [
  ['Hydrate!', null],
  ['Posture check', null],
  ['Choose the next song', 'play the boss theme again please'],
  ['Say hi in a silly voice', null],
  ['Ask me anything', 'what was your first game ever?'],
  ['Pick my next character', 'the one with the giant hammer onairHype'],
];
const SUPPORT_LINES = [
  'love the streams, keep it up! onairLove',
  'for the coffee fund onairCool',
  'GG on that boss onairGG',
  'first time donating, you are awesome',
  null,
];
const ANNOUNCEMENTS = [
  'Giveaway at the end of the stream! Stay tuned onairHype',
  'Be kind in chat. Spoilers get a timeout onairCool',
  'New video is out: https://example.com/videos/starfall-finale',
];

export interface AlertContext {
  source: SourceRef;
  rng: Rng;
  nextId: () => string;
  /** Someone from the viewer pool. */
  viewer: () => Author;
  moderator: () => Author;
}

export interface GeneratedAlert {
  alert: Alert;
  /** Chat that accompanies it (the cheer message itself). */
  chat?: ChatMessage;
}

const userOf = (author: Author): AlertUser => ({
  id: author.id,
  login: author.login,
  displayName: author.displayName,
});
const tierLabel = (tier: string): string => (tier === 'Prime' ? 'Prime' : `Tier ${Number(tier) / 1000}`);

type AlertDetails = Omit<Alert, 'kind' | 'id' | 'source' | 'alertType' | 'serverTime' | 'receivedAt'>;

const subDetails = (rng: Rng, author: Author): AlertDetails => {
  const tier = rng.pick(TIERS);
  const how = tier === 'Prime' ? 'with Prime' : `at ${tierLabel(tier)}`;
  return {
    user: userOf(author),
    tier,
    months: 1,
    message: null,
    systemText: `${author.displayName} subscribed ${how}.`,
  };
};

const resubDetails = (rng: Rng, author: Author): AlertDetails => {
  const tier = rng.pick(TIERS);
  const months = rng.int(2, 60);
  const text = rng.pick([
    `${months} months already onairHype`,
    'still here, still vibing',
    'love this community onairLove',
  ]);
  const systemText = `${author.displayName} subscribed at ${tierLabel(tier)}. They've subscribed for ${months} months!`;
  return { user: userOf(author), tier, months, message: parseDemoText(text), systemText };
};

const raidDetails = (rng: Rng): AlertDetails => {
  const raider = rng.pick(RAIDERS);
  const count = rng.pick([3, 12, 48, 150, 420, 1500]) + rng.int(0, 9);
  const user = {
    id: `demo-raider-${raider.toLowerCase()}`,
    login: raider.toLowerCase(),
    displayName: raider,
  };
  return { user, count, message: null, systemText: `${count} raiders from ${raider} have joined!` };
};

const cheerDetails = (rng: Rng, author: Author): AlertDetails => {
  const bits = rng.pick([50, 100, 100, 200, 500, 1000, 5000]);
  const words = rng.pick(['that jump tho', 'GG onairGG', 'hype! onairHype', 'for the boss fight']);
  return { user: userOf(author), bits, message: parseDemoText(`Cheer${bits} ${words}`) };
};

const donationDetails = (rng: Rng, author: Author): AlertDetails => {
  const currency = rng.pick(['USD', 'USD', 'EUR', 'GBP', 'KRW']);
  const base = rng.pick(['2.00', '5.00', '5.00', '10.00', '20.00', '50.00', '3.50']);
  const value = currency === 'KRW' ? String(Number(base) * 1000) : base;
  const text = rng.pick(SUPPORT_LINES);
  return { user: userOf(author), amount: { value, currency }, message: text ? parseDemoText(text) : null };
};

const redemptionDetails = (rng: Rng, author: Author): AlertDetails => {
  const [title, input] = rng.pick(REWARDS);
  return { user: userOf(author), title, message: input ? parseDemoText(input) : null };
};

/** Details per type; the fields follow `Alert` in src/shared/events.ts. */
const DETAILS: Record<AlertType, (ctx: AlertContext, author: Author) => AlertDetails> = {
  follow: (_ctx, author) => ({ user: userOf(author), message: null }),
  sub: (ctx, author) => subDetails(ctx.rng, author),
  resub: (ctx, author) => resubDetails(ctx.rng, author),
  giftsub: (ctx, author) => giftBomb(ctx.rng, author),
  raid: (ctx) => raidDetails(ctx.rng),
  cheer: (ctx, author) => cheerDetails(ctx.rng, author),
  donation: (ctx, author) => donationDetails(ctx.rng, author),
  redemption: (ctx, author) => redemptionDetails(ctx.rng, author),
  announcement: (ctx) => ({
    user: userOf(ctx.moderator()),
    message: parseDemoText(ctx.rng.pick(ANNOUNCEMENTS)),
  }),
};

/** One alert for a whole gift bomb (5–50 subs), sometimes from an anonymous gifter. */
function giftBomb(rng: Rng, author: Author): AlertDetails {
  const count = rng.pick([5, 5, 10, 10, 20, 25, 50]);
  const anonymous = rng.chance(0.15);
  const user: AlertUser = anonymous
    ? { id: null, login: null, displayName: 'An anonymous gifter' }
    : userOf(author);
  return {
    user,
    count,
    tier: '1000',
    message: null,
    systemText: `${user.displayName} is gifting ${count} Tier 1 Subs to you_demo's community!`,
  };
}

export function generateAlert(ctx: AlertContext, now: number, type?: AlertType): GeneratedAlert {
  const alertType = type ?? ctx.rng.weighted(ALERT_WEIGHTS);
  const author = ctx.viewer();
  const alert: Alert = {
    kind: 'alert',
    id: ctx.nextId(),
    source: ctx.source,
    alertType,
    ...DETAILS[alertType](ctx, author),
    serverTime: now,
    receivedAt: now,
  };
  if (alertType !== 'cheer' || !alert.message) return { alert };
  const text = alert.message.map((part) => part.text).join('');
  const chat = buildDemoMessage({
    id: ctx.nextId(),
    source: ctx.source,
    author,
    text,
    serverTime: now,
    receivedAt: now,
  });
  return { alert, chat };
}
