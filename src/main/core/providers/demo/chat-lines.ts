import { lookupTable } from '../../../../shared/lookup';

/**
 * What demo viewers say. Placeholders: `{emote}` a bundled emote, `{user}` another viewer's @name, `{streamer}`
 * the streamer's @name, `{n}` a small number, `{clip}` a made-up clip link. A line starting with `/me ` is an
 * action. The game on stream is a fictional one ("Starfall").
 */
export type LineKind =
  'greeting' | 'game' | 'question' | 'reaction' | 'command' | 'link' | 'chatter' | 'spam' | 'action' | 'long';

export const LINE_WEIGHTS: readonly (readonly [LineKind, number])[] = [
  ['greeting', 10],
  ['game', 22],
  ['question', 10],
  ['reaction', 22],
  ['command', 6],
  ['link', 1.5],
  ['chatter', 12],
  ['spam', 3],
  ['action', 3],
  ['long', 2.5],
];

export const LINES: Record<LineKind, readonly string[]> = {
  greeting: [
    'hi {streamer} {emote}',
    'hello chat onairWave',
    'o/',
    'heyyy {streamer}! how are you today?',
    'good morning from Germany onairWave',
    'just got here, what did I miss?',
    'evening everyone',
    'hiii {user} onairLove',
    'yo',
    'back from work, lets gooo onairHype',
    '안녕하세요!',
    'こんばんは〜',
  ],
  game: [
    'that boss fight was insane onairPog',
    'try the left path, the right one is a dead end',
    'you missed a chest behind the waterfall',
    'this level is so pretty',
    'the double jump is easier if you hold dash first',
    'NO WAY that hitbox onairCry',
    'speedrunners skip this whole area btw',
    'which difficulty is this?',
    'the music in this zone slaps',
    'save before the bridge!!',
    'parry the third hit, it has a tell',
    'you need the blue key for that door',
    'clean run so far onairCool',
    'that was so close omg',
    'chat he is not going to make that jump',
    'he made the jump onairPog onairPog',
  ],
  question: [
    'what game is this?',
    'how long have you been streaming today?',
    'what song is this?',
    'is this your first playthrough?',
    'what keyboard do you use?',
    'when is the next stream?',
    '{streamer} do you play with controller or keyboard?',
    'how many hours in so far?',
    'is there a discord?',
    'what mic is that? sounds great',
  ],
  reaction: [
    'onairLol',
    'onairLol onairLol onairLol',
    'LMAO',
    'W',
    'L',
    'onairHype onairHype',
    'onairPog',
    'no way',
    'HUH',
    'lol',
    'KEKW', // text: not one of our emotes, stays plain text
    'onairGG',
    'GG onairGG',
    'rip onairCry',
    'onairCool',
    '???',
    'clip that',
    'onairLove onairLove',
  ],
  command: ['!discord', '!uptime', '!lurk', '!socials', '!song', '!followage', '!commands', '!specs'],
  link: [
    'clip of that jump {clip}',
    'lmao look at this {clip}',
    'the guide is here https://example.com/starfall/guide#secrets',
    'check my art! https://example.org/portfolio/starfall-fanart',
  ],
  chatter: [
    '{user} true lol',
    '{user} I said that 5 min ago',
    '{user} hahaha',
    '{user} welcome back!',
    '{user} no shot',
    'agreed with {user}',
    '{user} did you finish it yet?',
    '{user} same here',
    'whos watching from Korea?',
    'I have school tomorrow but one more hour',
    'anyone else eating dinner rn',
    'my cat is watching the stream with me onairLove',
  ],
  spam: [
    'ONAIR HYPE onairHype onairHype onairHype onairHype',
    'GGGGGGGGGGGGGGGGGGGGGGGG',
    'W W W W W W W W',
    'onairPog onairPog onairPog onairPog onairPog onairPog',
    'FIRST',
    'get free followers at https://example.net/free-followers',
  ],
  action: [
    '/me dances onairHype',
    '/me grabs popcorn',
    '/me waves to chat onairWave',
    '/me hides behind the couch',
    '/me sends {n} virtual cookies',
  ],
  long: [
    'ok so I finally finished the game last night and I have to say the ending completely caught me off guard, I did not expect the captain to be the one behind everything, and the final boss music is still stuck in my head. no spoilers for you though, just enjoy it onairLove',
    'PSA for anyone new: the streamer plays every weekday at 7pm CET, there is a discord for schedule changes (type !discord), and please be nice in chat, mods are watching onairCool',
    'I have been watching since the very first stream when there were like 4 people in chat and it is so cool to see how big this community has gotten. thanks for always making my evenings better onairLove onairLove',
  ],
};

/** A fresh chatter's first line often says so. */
export const FIRST_LINES: readonly string[] = [
  'hi! first time here onairWave',
  'just found this stream, the game looks awesome',
  'hello, new here :)',
  'first time chatting, been lurking for a while',
  'hey {streamer}, love the vibe here',
];

export const BOT_REPLIES = lookupTable({
  '!discord': 'Join the community Discord: https://example.com/discord-invite',
  '!uptime': 'The stream has been live for {n} minutes.',
  '!socials': 'Follow along elsewhere: https://example.com/socials',
  '!song': 'Now playing: "Starfall Main Theme" by Demo Orchestra',
  '!commands': 'Commands: !discord !uptime !socials !song !specs !lurk',
  '!specs': 'PC specs: https://example.com/specs',
});
