import type { Author, Role } from '../../../../shared/events';
import { buildBadges } from './badges';
import type { Rng } from './prng';

/** How a viewer behaves in the demo, beyond what the chat sees in `author`. */
export interface DemoViewer {
  author: Author;
  /** Relative chance of being the next one to speak. */
  chattiness: number;
  /** Has never chatted here: the first line gets `firstMessage`. */
  newcomer: boolean;
  /** Chatted in earlier streams, not yet in this one: the first line gets `returningChatter`. */
  returning: boolean;
  subMonths?: number;
  bot?: boolean;
}

/**
 * The regulars. Traits: `mod`, `vip`, `founder`, `sub:<months>`, `bits:<tier>`, `new`, `returning`, `quiet`,
 * `chatty`, `bot`, `nocolor`. Some display names are localized (Korean, Japanese) over latin logins, as on Twitch.
 */
const REGULARS: readonly (readonly [displayName: string, login: string, traits: string])[] = [
  ['Nightbot', 'nightbot', 'mod bot'],
  ['PixelPirate', 'pixelpirate', 'mod sub:26 chatty'],
  ['CaptainCaffeine', 'captaincaffeine', 'mod sub:40'],
  ['xX_NoScope_Xx', 'xx_noscope_xx', 'chatty'],
  ['MochiMilk', 'mochimilk', 'sub:3'],
  ['하늘', 'haneul_plays', 'sub:8'],
  ['さくらねこ', 'sakura_neko', 'vip sub:15'],
  ['LunaTheLoud', 'lunatheloud', 'chatty'],
  ['ChonkyBoi', 'chonkyboi', 'nocolor'],
  ['quietlurker', 'quietlurker', 'quiet nocolor'],
  ['SirCheezalot', 'sircheezalot', 'bits:1000'],
  ['DragonDad42', 'dragondad42', 'sub:14'],
  ['Kiwi_Kid', 'kiwi_kid', 'nocolor'],
  ['TwitchyTurtle', 'twitchyturtle', ''],
  ['아리랑', 'arirang_tv', 'sub:1'],
  ['ゆうき', 'yuuki_jp', 'returning'],
  ['NeonNova', 'neonnova', 'founder sub:31'],
  ['CouchPotatoPro', 'couchpotatopro', 'nocolor'],
  ['glitchwitch', 'glitchwitch', 'vip sub:12 chatty'],
  ['MrBeanbag', 'mrbeanbag', ''],
  ['ZeroCoolZ', 'zerocoolz', 'nocolor'],
  ['speedrunSteve', 'speedrunsteve', 'bits:100'],
  ['Bluebird_Beats', 'bluebird_beats', 'returning'],
  ['TacoTuesday', 'tacotuesday', 'sub:5'],
  ['민준', 'minjun_k', 'new'],
  ['たろう', 'taro_games', 'returning'],
  ['pepperoniPeppa', 'pepperonipeppa', 'nocolor'],
  ['FrostByte', 'frostbyte', 'sub:9'],
  ['HappyHippo', 'happyhippo', ''],
  ['LagSwitchLarry', 'lagswitchlarry', 'nocolor'],
  ['moonlitmaple', 'moonlitmaple', 'returning'],
  ['GrumpyGoose', 'grumpygoose', ''],
  ['StarDust_77', 'stardust_77', 'sub:19 bits:5000'],
  ['WaffleWizard', 'wafflewizard', 'chatty'],
  ['NotABot', 'notabot_real', 'nocolor'],
  ['PotatoQueen', 'potatoqueen', 'founder sub:48'],
  ['KernelPanic', 'kernelpanic', 'sub:2'],
  ['lil_dumpling', 'lil_dumpling', 'nocolor'],
  ['RetroRaccoon', 'retroraccoon', 'sub:2'],
  ['AuroraSky', 'aurorasky', ''],
  ['BobbyBuilds', 'bobbybuilds', 'nocolor'],
  ['chillpill', 'chillpill', 'quiet'],
  ['TheRealMVP', 'therealmvp', 'bits:100'],
  ['SnackAttack', 'snackattack', ''],
  ['ほしのそら', 'hoshino_sora', 'sub:6'],
  ['지우', 'jiwoo_0', 'new'],
  ['ElCondorPasa', 'elcondorpasa', 'nocolor'],
  ['JollyJester', 'jollyjester', ''],
  ['VelvetThunder', 'velvetthunder', 'new'],
  ['CrispyNoodle', 'crispynoodle', 'new nocolor'],
  ['ByteMe', 'byteme', ''],
  ['OwlNight', 'owlnight', 'sub:1'],
  ['papaya_punch', 'papaya_punch', 'new'],
  ['Sir_Lurksalot', 'sir_lurksalot', 'quiet'],
  ['DJ_Toaster', 'dj_toaster', 'vip'],
  ['GameGranny', 'gamegranny', 'sub:7'],
  ['FishyBusiness', 'fishybusiness', 'nocolor'],
  ['turbo_turnip', 'turbo_turnip', 'new'],
  ['Marmalade', 'marmalade', ''],
  ['ClutchOrKick', 'clutchorkick', 'sub:4'],
];

/** Twitch's classic default name colours. */
const PALETTE = [
  '#FF0000',
  '#0000FF',
  '#008000',
  '#B22222',
  '#FF7F50',
  '#9ACD32',
  '#FF4500',
  '#2E8B57',
  '#DAA520',
  '#D2691E',
  '#5F9EA0',
  '#1E90FF',
  '#FF69B4',
  '#8A2BE2',
  '#00FF7F',
];

function traitValue(traits: string[], name: string): number | undefined {
  const entry = traits.find((trait) => trait.startsWith(`${name}:`));
  return entry ? Number(entry.slice(name.length + 1)) : undefined;
}

function rolesFor(traits: string[], subMonths: number | undefined): Role[] {
  const roles: Role[] = [];
  if (traits.includes('mod')) roles.push('moderator');
  if (traits.includes('vip')) roles.push('vip');
  if (subMonths !== undefined) roles.push('subscriber');
  if (traits.includes('founder')) roles.push('founder');
  return roles;
}

function chattinessFor(traits: string[]): number {
  if (traits.includes('bot')) return 0;
  if (traits.includes('quiet')) return 0.3;
  return traits.includes('chatty') ? 4 : 1;
}

export function createRegulars(): DemoViewer[] {
  return REGULARS.map(([displayName, login, traitText], index) => {
    const traits = traitText.split(' ').filter(Boolean);
    const subMonths = traitValue(traits, 'sub');
    const roles = rolesFor(traits, subMonths);
    return {
      author: {
        id: `demo-user-${index + 1}`,
        login,
        displayName,
        color: traits.includes('nocolor') ? null : (PALETTE[index % PALETTE.length] ?? null),
        badges: buildBadges({ roles, subMonths, bits: traitValue(traits, 'bits') }),
        roles,
      },
      chattiness: chattinessFor(traits),
      newcomer: traits.includes('new'),
      returning: traits.includes('returning'),
      subMonths,
      bot: traits.includes('bot'),
    };
  });
}

const NAME_HEADS = [
  'Sleepy',
  'Mega',
  'Turbo',
  'Cosmic',
  'Salty',
  'Lucky',
  'Pixel',
  'Spicy',
  'Fuzzy',
  'Shadow',
  'Happy',
  'Tiny',
];
const NAME_TAILS = [
  'Panda',
  'Gamer',
  'Toast',
  'Ninja',
  'Otter',
  'Wizard',
  'Bean',
  'Falcon',
  'Pickle',
  'Comet',
  'Moose',
  'Fox',
];

/** A brand-new viewer who just found the stream (unlimited supply, so first-time chatters never run out). */
export function createNewcomer(rng: Rng, serial: number): DemoViewer {
  const displayName = `${rng.pick(NAME_HEADS)}${rng.pick(NAME_TAILS)}${rng.chance(0.6) ? rng.int(1, 999) : ''}`;
  return {
    author: {
      id: `demo-user-new-${serial}`,
      login: displayName.toLowerCase(),
      displayName,
      color: rng.chance(0.3) ? null : rng.pick(PALETTE),
      badges: [],
      roles: [],
    },
    chattiness: 1,
    newcomer: true,
    returning: false,
  };
}

/** The app user's identity in the demo channel: the streamer. */
export function createSelfAuthor(): Author {
  const roles: Role[] = ['broadcaster'];
  return {
    id: 'demo-self',
    login: 'you_demo',
    displayName: 'You (demo)',
    color: '#9146FF',
    badges: buildBadges({ roles }),
    roles,
  };
}
