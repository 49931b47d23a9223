import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseTwitchLine } from '../src/main/core/sources/twitch-irc/twitch-decode';
const require = createRequire(import.meta.url);
const im = require('/work/main/node_modules/irc-message').parse;
const lines = ['go-twitch-irc_channel-xqcow-2019.txt','chatterino_recentmessages-nymn-2024.txt'].flatMap(f=>readFileSync('/work/shared/corpora/twitch-irc/real/'+f,'utf8').split('\n').filter(Boolean)).map(l => Buffer.from(l).toString());
function run(name: string, fn: (l: string)=>unknown) {
  let sink = 0;
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    for (let k = 0; k < 20; k++) for (const l of lines) { if (fn(l)) sink++; }
    const dt = performance.now() - t0;
    if (r >= 2) console.log(name, Math.round(lines.length*20/(dt/1000)));
  }
  return sink;
}
run('irc-message', im); run('ours', parseTwitchLine);
import { parseIrcLine } from '../src/main/core/sources/twitch-irc/irc-parser';
run('parseOnly', parseIrcLine);
run('scanOnly', (l: string) => { let p = 0, n = 0; const e = l.indexOf(' '); while (p < e) { const s = l.indexOf(';', p); if (s < 0 || s > e) break; p = s + 1; n++; } return n; });
