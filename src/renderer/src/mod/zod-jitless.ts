import { z } from 'zod';

/**
 * Imported first by the console's entry, before any schema exists. zod compiles object parsers with
 * `new Function` unless told not to; its probe for that is caught, but a strict CSP (no 'unsafe-eval') still
 * reports it as a `securitypolicyviolation` on every load. Jitless parsing is fast enough for a settings form.
 * (The overlay bundle does not contain zod.)
 */
z.config({ jitless: true });
