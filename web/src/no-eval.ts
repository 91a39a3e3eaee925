import { z } from 'zod';

// The server's Content-Security-Policy forbids eval. Without this, zod tries `new Function` once, as its
// first object schema is made, to see whether it may compile its checks, and the browser reports the
// refusal as a violation. Imported first by main.tsx, so that it runs before any schema is made.
z.config({ jitless: true });
