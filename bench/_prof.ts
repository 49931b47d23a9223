import { readFileSync } from 'node:fs';
import { parseTwitchLine } from '../src/main/core/sources/twitch-irc/twitch-decode';
const lines = ['go-twitch-irc_channel-xqcow-2019.txt','chatterino_recentmessages-nymn-2024.txt'].flatMap(f=>readFileSync('/work/shared/corpora/twitch-irc/real/'+f,'utf8').split('\n').filter(Boolean)).map(l => Buffer.from(l).toString());
let s = 0; const t0 = performance.now();
for (let k = 0; k < 200; k++) for (const l of lines) if (parseTwitchLine(l)) s++;
console.log(s, lines.length*200/((performance.now()-t0)/1000));
