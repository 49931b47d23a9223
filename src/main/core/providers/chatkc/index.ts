export { createChatKcSource, type ChatKcDeps } from './chatkc-source';
