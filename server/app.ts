import express, { type NextFunction, type Request, type Response } from 'express';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import { BATCH_MAX } from '../shared/schemas/api.ts';
import type { Deps } from './deps.ts';
import { appRouter } from './routers/_app.ts';
import { authenticate } from './services/auth.ts';
import type { Context } from './trpc.ts';
import { VERSION } from './version.ts';
import { webToLeadRoutes } from './web-to-lead.ts';

/** The largest request body the API reads. A capture is a few kB; an import goes row by row. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The largest request head the server reads. A tRPC query carries its input in the URL, and the
 * largest leads.lookup the contract allows (200 emails and 200 phones) is about 60 kB there;
 * Node's default of 16 kB refused it with 431.
 */
export const MAX_HEADER_BYTES = 96 * 1024;

// The extension calls from its own origin; web pages never get the API's answers.
const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension|safari-web-extension):\/\/[a-z0-9-]+$/i;

function cors(req: Request, res: Response, next: NextFunction): void {
  const origin = req.headers.origin;
  if (origin && EXTENSION_ORIGIN.test(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Vary', 'Origin');
    res.setHeader('Access-Control-Allow-Headers', 'authorization, content-type, trpc-accept');
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    res.setHeader('Access-Control-Max-Age', '600');
  }
  if (req.method === 'OPTIONS') {
    res.status(204).end();
    return;
  }
  next();
}

/** Refuses a body that announces itself as too large before a byte of it is read. */
function bodyLimit(req: Request, res: Response, next: NextFunction): void {
  const length = Number(req.headers['content-length'] ?? 0);
  if (length > MAX_BODY_BYTES) {
    res.setHeader('Connection', 'close');
    res.status(413).json({ error: { message: `request body over ${MAX_BODY_BYTES} bytes`, data: { code: 'PAYLOAD_TOO_LARGE', httpStatus: 413 } } });
    req.resume();
    return;
  }
  next();
}

/** The Express app, without listen(): tests and the process both mount it. */
export function createApp(deps: Deps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.settings.trustProxy ?? false);
  app.set('etag', false);
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    next();
  });

  app.get('/healthz', (_req, res) => {
    res.json({ ok: true, version: VERSION });
  });

  app.use(webToLeadRoutes(deps));

  app.use(
    '/trpc',
    cors,
    bodyLimit,
    createExpressMiddleware({
      router: appRouter,
      maxBatchSize: BATCH_MAX,
      // Large lookups go as POST: a GET carries its input in the URL, and URLs have limits.
      allowMethodOverride: true,
      maxBodySize: MAX_BODY_BYTES,
      createContext: ({ req }): Context => ({ deps, user: authenticate(deps.repos.users, req.headers.authorization) }),
      onError({ error, path }) {
        if (error.code === 'INTERNAL_SERVER_ERROR') deps.log.error('procedure failed', { path, err: String(error.cause ?? error) });
      },
    }),
  );

  app.use((_req, res) => {
    res.status(404).json({ error: { message: 'not found' } });
  });
  app.use((err: Error & { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) deps.log.error('request failed', { err: String(err) });
    res.status(status).json({ error: { message: status === 500 ? 'internal error' : err.message } });
  });
  return app;
}
