import {
  SEND_LIMITS,
  sendLength,
  type ActionResult,
  type ModAction,
  type SendRequest,
} from '../../../../shared/api';
import type { Capability, SourceRef, SourceStatus } from '../../../../shared/events';
import type { ChatKcSourceConfig } from '../../../../shared/settings';
import { registerSecret } from '../../log/mask';
import { chatBackoff, type BackoffOptions } from '../../net/backoff';
import { ConnectionManager } from '../../net/connection-manager';
import { unsupported, type ChatSource, type SourceContext } from '../source';
import { StatusReporter } from '../../net/status-reporter';
import { ChatKcHistory } from './chat-history';
import { openChatKcConnection, type ChatKcConnection } from './connection';
import { ChatKcReceiver } from './receiver';
import type { Expectation } from './requests';
import type { ClientFrame } from './protocol';

export interface ChatKcDeps {
  token: string | null;
  random?: () => number;
  backoff?: BackoffOptions;
  ackTimeoutMs?: number;
}

const DEFAULT_ACK_TIMEOUT_MS = 5000;
const CHAT_LIMIT = SEND_LIMITS.chatkc ?? { max: 500, unit: 'utf16' };

interface Command {
  capability: Capability;
  frame: ClientFrame;
  expect: Expectation;
  deleteId?: number;
}

const message = (text: string, reply = 0): ClientFrame => ({ type: 'message', data: { text, reply } });
const command = (capability: Capability, text: string): Command => ({
  capability,
  frame: message(text),
  expect: 'command',
});
const badRequest = (text: string): ActionResult => ({ ok: false, code: 'bad-request', message: text });
/** Names and addresses go into a chat command: one word, no spaces. */
const oneWord = (value: string): string | null => (/^\S{1,64}$/.test(value) ? value : null);

/**
 * The ChatKC source (stream.mattkc.com's chat, docs/protocol-chatkc.md): read-only without a token; with one,
 * sending and the moderation `!commands` its auth level allows. Reconnects lose nothing: `hello` asks for
 * everything after the highest id seen, and ids already shown are dropped.
 */
class ChatKcSource implements ChatSource {
  readonly ref: SourceRef;
  private readonly reporter: StatusReporter;
  private readonly receiver: ChatKcReceiver;
  private readonly manager: ConnectionManager<ChatKcConnection>;

  constructor(
    config: ChatKcSourceConfig,
    ctx: SourceContext,
    private readonly deps: ChatKcDeps,
  ) {
    this.ref = { sourceId: config.id, provider: 'chatkc', channel: config.channel };
    const log = ctx.log.child('chatkc');
    registerSecret(deps.token);
    const { clock } = ctx;
    this.reporter = new StatusReporter(this.ref, `ChatKC ${config.channel}`, ctx.emit, clock);
    const history = new ChatKcHistory();
    const hasToken = Boolean(deps.token);
    this.receiver = new ChatKcReceiver({
      ref: this.ref,
      clock,
      log,
      emit: ctx.emit,
      reporter: this.reporter,
      history,
      hasToken,
    });
    const options = {
      url: config.url,
      token: deps.token,
      clock,
      ackTimeoutMs: deps.ackTimeoutMs ?? DEFAULT_ACK_TIMEOUT_MS,
      onFrame: (raw: string, connection: ChatKcConnection) => this.receiver.handleRaw(raw, connection),
      onBinaryFrame: () => this.receiver.countBinaryFrame(),
    };
    this.manager = new ConnectionManager<ChatKcConnection>({
      name: `chatkc ${config.channel}`,
      connect: () => openChatKcConnection(options, history.lastMessageId),
      clock,
      log,
      reporter: this.reporter,
      backoff: deps.backoff ?? chatBackoff,
      random: deps.random,
    });
  }

  start(): void {
    this.manager.start();
  }

  stop(): Promise<void> {
    return this.manager.stop();
  }

  reconnect(): void {
    this.manager.reconnectNow();
  }

  status(): SourceStatus {
    const status = this.reporter.get();
    return { ...status, counters: { ...status.counters, ...this.manager.counters } };
  }

  async send(request: SendRequest): Promise<ActionResult> {
    const text = request.text.trim();
    if (!text) return badRequest('The message is empty.');
    const length = sendLength(text, CHAT_LIMIT);
    if (length > CHAT_LIMIT.max) {
      // The server would answer `accepted` and publish nothing (docs/chatkc-client.md).
      const message = `Not sent: ChatKC takes at most ${CHAT_LIMIT.max} characters, this has ${length}.`;
      return { ok: false, code: 'too-large', message };
    }
    const reply = request.replyTo ? Number(request.replyTo) || 0 : 0;
    const expect: Expectation = /^[!/]/.test(text) ? 'command' : 'chat';
    return this.submit({ capability: reply ? 'reply' : 'send', frame: message(text, reply), expect });
  }

  async act(action: ModAction): Promise<ActionResult> {
    const cmd = commandFor(action, this.receiver.account);
    return 'frame' in cmd ? this.submit(cmd) : cmd;
  }

  private async submit(cmd: Command): Promise<ActionResult> {
    if (!this.deps.token) return { ok: false, code: 'unauthorized', message: 'Not signed in: read-only' };
    if (!this.receiver.capabilities().includes(cmd.capability)) {
      return { ok: false, code: 'forbidden', message: `Your ChatKC level does not allow ${cmd.capability}.` };
    }
    const connection = this.manager.current;
    if (!connection) return { ok: false, code: 'offline', message: 'ChatKC is not connected.' };
    const result = await connection.requests.submit(cmd.expect, cmd.frame, cmd.deleteId);
    if (cmd.frame.type === 'setuserconf' && result.ok) {
      // The server does not push the new name, status or level: ask for them.
      connection.send({ type: 'status', data: {} });
      connection.send({ type: 'getuserconf' });
    }
    this.reporter.setCounter('queueDepth', connection.queueDepth);
    return result;
  }
}

export function createChatKcSource(
  config: ChatKcSourceConfig,
  ctx: SourceContext,
  deps: ChatKcDeps,
): ChatSource {
  return new ChatKcSource(config, ctx, deps);
}

function commandFor(
  action: ModAction,
  account: { name: string | null; color: string | null },
): Command | ActionResult {
  switch (action.type) {
    case 'delete': {
      const id = /^\d{1,15}$/.test(action.messageId) ? Number(action.messageId) : 0;
      if (id <= 0) return badRequest('This message cannot be deleted (the server did not store it).');
      return { capability: 'delete', frame: message(`!rm ${id}`), expect: 'delete', deleteId: id };
    }
    case 'ban':
    case 'unban':
    case 'mod':
    case 'unmod': {
      const login = oneWord(action.login);
      return login ? command(action.type, `!${action.type} ${login}`) : badRequest('Not a ChatKC user name.');
    }
    case 'ipban': {
      const address = oneWord(action.address);
      return address ? command('ipban', `!ipban ${address}`) : badRequest('Not an address.');
    }
    case 'userConf': {
      const name = action.name ?? account.name ?? '';
      const color = (action.color ?? account.color ?? 'FFFFFF').replace(/^#/, '').toUpperCase();
      return {
        capability: 'userConf',
        frame: { type: 'setuserconf', data: { name, color } },
        expect: 'userconf',
      };
    }
    default:
      return unsupported(`ChatKC ${action.type}`);
  }
}
