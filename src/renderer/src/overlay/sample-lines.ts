import type { ChatMessage, MessagePart } from '../../../shared/events';

/** Lines for the console's theme previews: a hard name colour (#0000ff), emoji, CJK, a link, a /me. */
const SAMPLES: Array<[name: string, color: string | null, parts: MessagePart[], action?: boolean]> = [
  ['BlueName', '#0000FF', [{ type: 'text', text: 'can you read my name on this theme?' }]],
  ['sakura_chan', '#FF69B4', [{ type: 'text', text: 'こんにちは！ 오늘도 화이팅 🎉🔥' }]],
  [
    'linkposter',
    '#9ACD32',
    [
      { type: 'text', text: 'clip: ' },
      {
        type: 'link',
        text: 'https://clips.example.com/AwkwardOtter',
        url: 'https://clips.example.com/AwkwardOtter',
      },
    ],
  ],
  ['DarkRed', '#8B0000', [{ type: 'text', text: 'waves at chat' }], true],
];

export function sampleLines(): ChatMessage[] {
  return SAMPLES.map(([name, color, parts, action = false], index) => ({
    kind: 'chat',
    id: `sample-${index}`,
    source: { sourceId: 'preview', provider: 'demo', channel: 'preview' },
    author: { id: `u${index}`, login: name.toLowerCase(), displayName: name, color, badges: [], roles: [] },
    parts,
    text: parts.map((part) => part.text).join(''),
    flags: { action, firstMessage: false, returningChatter: false, highlighted: false },
    reply: null,
    serverTime: 0,
    receivedAt: 0,
    targetable: false,
  }));
}
