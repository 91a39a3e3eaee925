import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/index.js';
import { openSampleStore } from '../store/testing.js';
import { buildServer } from './server.js';

/** A server over the sample store of src/store/test-fixture.ts, with no web app built. */
export const openTestServer = async (): Promise<{
  app: FastifyInstance;
  store: Store;
  close(): Promise<void>;
}> => {
  const store = await openSampleStore();
  const app = await buildServer({ store, webRoot: '/nonexistent' });
  return {
    app,
    store,
    close: async () => {
      await app.close();
      store.close();
    },
  };
};

/** GET `url` and read the JSON answer. */
export const getJson = async (app: FastifyInstance, url: string) => {
  const response = await app.inject({ method: 'GET', url });
  return { status: response.statusCode, type: response.headers['content-type'], body: response.json() };
};
