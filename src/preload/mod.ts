import { createModBridge, expose } from './bridge';

expose(createModBridge());
