export { createDemoSource, DEMO_CAPABILITIES, DEMO_LABEL, DemoSource } from './demo-source';
export { DEMO_EMOTES, type DemoEmote } from './emotes';
