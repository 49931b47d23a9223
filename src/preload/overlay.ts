import { createViewBridge, expose } from './bridge';

// The overlay gets the read-only view API only: a compromised overlay page cannot moderate.
expose(createViewBridge());
