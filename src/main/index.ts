import { startApp } from './app';

// The Electron entry point. The wiring lives in startApp, so tests can drive it against a stand-in `electron`.
void startApp();
