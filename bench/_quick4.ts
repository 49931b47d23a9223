import { KNOWN_TAGS, lookupTag } from '../src/main/core/sources/twitch-irc/irc-tags';
let probes = 0;
for (const k of KNOWN_TAGS) { const s = 'x' + k + '=1'; if (lookupTag(s, 1, 1 + k.length) !== KNOWN_TAGS.indexOf(k)) console.log('BAD', k); }
console.log('ok', probes);
