export { buildDemoStore } from './commands/demo.js';
export { serveStore } from './commands/serve.js';
