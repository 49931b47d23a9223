import { createRequire } from 'node:module';
import { parseIrcLine as A } from '../src/main/core/sources/twitch-irc/irc-parser';
import { parseIrcLine as B } from '../src/main/core/sources/twitch-irc/_variant';
import { loadCorpusLines } from './helpers/corpus';
const require = createRequire(import.meta.url);
const im = require('irc-message').parse;
const lines = loadCorpusLines();
function t(fn: (l: string) => unknown) { let s = 0; const t0 = performance.now(); for (let k = 0; k < 10; k++) for (const l of lines) if (fn(l)) s++; return lines.length * 10 / ((performance.now() - t0) / 1000); }
for (let r = 0; r < 6; r++) { const i = t(im), a = t(A), b = t(B); if (r > 1) console.log('A', (a / i).toFixed(2), 'B', (b / i).toFixed(2)); }
for (const l of lines) { const x = A(l), y = B(l); if (JSON.stringify(x) !== JSON.stringify(y)) { console.log('DIFF', l.slice(0, 100)); break; } }
