import { drainLeftoverMarks } from './modules/analytics/rollup.maintain';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import cookieParser from 'cookie-parser';
import cors from 'cors';
import express, { type Express } from 'express';
import depthLimit from 'graphql-depth-limit';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { Config } from './config/config';
import { isDatabaseReady } from './db/connect';
import type { Context } from './graphql/context';
import { formatErrorFor } from './graphql/errors';
import { createLoaders } from './graphql/loaders';
import { buildSchema } from './graphql/schema';
import type { Logger } from './logger';
import { documentsRouter } from './modules/documents/documents.routes';
import { exchangeRouter } from './modules/exchange/exchange.routes';
import { iatiRouter } from './modules/exchange/iati/iati.routes';
import { SESSION_COOKIE, userForSession } from './modules/users/auth.service';

export type App = { app: Express; apollo: ApolloServer<Context> };

export async function createApp(config: Config, log: Logger): Promise<App> {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');

  app.use(
    pinoHttp({
      logger: log,
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : crypto.randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
    }),
  );
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // antd injects its CSS-in-JS styles at run time.
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'blob:'],
        },
      },
    }),
  );
  app.use(cors({ origin: config.CORS_ORIGINS, credentials: true }));
  app.use(cookieParser());

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const ready = await isDatabaseReady();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'database unreachable' });
  });

  const apollo = new ApolloServer<Context>({
    schema: buildSchema(),
    csrfPrevention: true,
    introspection: config.NODE_ENV !== 'production',
    includeStacktraceInErrorResponses: config.NODE_ENV === 'development',
    formatError: formatErrorFor(log),
    validationRules: [depthLimit(12)],
    plugins: config.NODE_ENV === 'production' ? [ApolloServerPluginLandingPageDisabled()] : [],
  });
  await apollo.start();
  // Roll-up refreshes a stopped process had not done yet (docs/dashboard.md).
  drainLeftoverMarks();

  app.use(
    '/graphql',
    express.json({ limit: config.BODY_LIMIT }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const token: unknown = req.cookies?.[SESSION_COOKIE];
        const session = typeof token === 'string' ? await userForSession(token) : null;
        const requestLog = req.log.child({ userId: session?.user.id });
        return {
          config,
          log: requestLog,
          requestId: String(req.id),
          req,
          res,
          user: session?.user ?? null,
          sessionTokenHash: session?.tokenHash ?? null,
          loaders: createLoaders(),
        };
      },
    }),
  );

  // A body over BODY_LIMIT never reaches GraphQL: answer in GraphQL's error shape all the same.
  app.use(
    '/graphql',
    (
      error: { type?: string; status?: number },
      _req: express.Request,
      res: express.Response,
      next: express.NextFunction,
    ) => {
      if (error.type !== 'entity.too.large' && error.type !== 'entity.parse.failed') return next(error);
      const tooLarge = error.type === 'entity.too.large';
      res.status(tooLarge ? 413 : 400).json({
        errors: [
          {
            message: tooLarge
              ? `The request is larger than the ${config.BODY_LIMIT} limit.`
              : 'The request body is not valid JSON.',
            extensions: { code: 'BAD_USER_INPUT' },
          },
        ],
      });
    },
  );
  app.use('/api/documents', documentsRouter(config));
  app.use('/api', exchangeRouter(config));
  app.use('/api', iatiRouter(config));
  serveClient(app, config, log);
  return { app, apollo };
}

// The built web client is served from the same port; any unknown path gets index.html (client routing).
function serveClient(app: Express, config: Config, log: Logger): void {
  const index = path.join(config.CLIENT_DIST, 'index.html');
  if (!fs.existsSync(index)) {
    log.warn({ dir: config.CLIENT_DIST }, 'web client is not built; only the API is served');
    return;
  }
  app.use(express.static(config.CLIENT_DIST, { index: false, maxAge: '1h' }));
  app.get('/{*splat}', (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
