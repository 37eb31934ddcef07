import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { OidcProvider } from '../../modules/sso/provider';
import type { Config } from '../config';
import type { DbHandle } from '../db/connect';
import { AppError } from '../errors';
import { accessHook, type Access } from './access';
import { errorHandler, frameworkErrorHandler } from './error-handler';
import { refuseNulInAddress, refuseNulInBody } from './refuse-nul';
import { registerRateLimit } from './rate-limit';
import { registerResponseCache } from './response-cache';
import { registerKeptReadsCheck } from './kept-reads';
import { registerSecurityHeaders } from './security-headers';
import { plainSerializerCompiler, strictSerializerCompiler } from './serialize';

export const BODY_LIMIT = 1024 * 1024; // 1 MiB: far above any form; bulk imports set their own

export type AppDeps = {
  db: DbHandle['db'];
  dialect: DbHandle['dialect'];
  config: Config;
  oidc?: OidcProvider | undefined;
};
export type App = FastifyInstance & { withTypeProvider: FastifyInstance['withTypeProvider'] };
/** Every API route with its access rule; the permission-matrix test walks this list. */
export type ApiRoute = { method: string; url: string; access: Access };
declare module 'fastify' {
  interface FastifyInstance {
    apiRoutes: ApiRoute[];
  }
}

export type ApiModule = (app: FastifyInstance, deps: AppDeps) => void;

export async function buildHttpApp(
  deps: AppDeps,
  modules: ApiModule[],
  opts: { logger?: boolean } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger === false ? false : { level: deps.config.logLevel },
    bodyLimit: BODY_LIMIT,
    trustProxy: deps.config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
    // A malformed percent-encoding or an over-long id in the address: the contract's error shape too.
    frameworkErrors: frameworkErrorHandler,
    // One line per request only when debugging; errors are always logged by the error handler.
    logController: new LogController({
      disableRequestLogging: deps.config.logLevel !== 'debug' && deps.config.logLevel !== 'trace',
    }),
  });
  app.setValidatorCompiler(validatorCompiler);
  // Production sends answers unchecked; tests refuse any answer that strays from its schema (serialize.ts).
  app.setSerializerCompiler(
    deps.config.responseCheck === 'strict' ? strictSerializerCompiler : plainSerializerCompiler,
  );
  app.setErrorHandler(errorHandler);
  await registerSecurityHeaders(app);
  await registerRateLimit(app, deps.db, deps.config.requestLimitScale);
  app.decorateRequest('auth', null);
  app.decorateRequest('membership', null);
  app.decorateRequest('dataVersion', null);

  // A route under /api without a declared access rule is a programming error: refuse to start.
  const apiRoutes: ApiRoute[] = [];
  app.decorate('apiRoutes', apiRoutes);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.method === 'HEAD') return;
    const access = route.config?.access;
    if (access === undefined)
      throw new Error(`Route ${String(route.method)} ${route.url} declares no access rule (config.access)`);
    apiRoutes.push({ method: String(route.method), url: route.url, access });
  });

  await app.register(fastifyCookie);
  // Under test, a kept route that reads a table no audit event guards fails (kept-reads.ts).
  if (process.env.NODE_ENV === 'test') registerKeptReadsCheck(app);
  // Before compression: answers are kept as JSON and compressed per request, like any other.
  registerResponseCache(app, deps.config.responseCacheBytes);
  // Answers above 1 KB go out compressed when the client asks (the register and the assessment are
  // tens to hundreds of KB of repetitive JSON). Brotli at quality 4: most of the gain for little CPU.
  // Request bodies are never decompressed: the body limit then bounds what a request can make us hold.
  app.addHook('onRoute', (route) => {
    route.decompress = false;
  });
  await app.register(fastifyCompress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Fortytwo API',
        version: '0.1.0',
        description: 'ISO/IEC 42001 certification workbench. See docs/API.md.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'ft_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  app.addHook('onRequest', refuseNulInAddress);
  app.addHook('onRequest', accessHook(deps.db));
  app.addHook('preValidation', refuseNulInBody);

  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/api/health', { config: { access: 'public' }, schema: { hide: true } }, () =>
    Promise.resolve({ status: 'ok' as const }),
  );
  api.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, () =>
    Promise.resolve(app.swagger()),
  );
  for (const register of modules) register(app, deps);

  serveWebApp(app, deps.config.webDist);
  return app;
}

function serveWebApp(app: FastifyInstance, webDist: string) {
  const index = path.join(webDist, 'index.html');
  const hasWeb = fs.existsSync(index);
  // One wildcard route that looks a file up when asked: `wildcard: false` globbed the build at start and
  // added a GET and a HEAD route per file (300+ chunks), a third of the start-up time. A path that is no
  // file falls through to the not-found handler below, as before; so does a folder (`/`, `/assets/`),
  // which send would refuse with an error.
  if (hasWeb)
    void app.register(fastifyStatic, {
      root: webDist,
      wildcard: true,
      index: false,
      maxAge: '1h',
      allowedPath: (pathName) => !pathName.endsWith('/'),
    });
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.method !== 'GET') {
      return reply
        .code(404)
        .send({ error: { code: 'NOT_FOUND', message: `No route ${req.method} ${req.url.split('?')[0]}` } });
    }
    if (!hasWeb) throw new AppError('NOT_FOUND', 'The web app is not built: run "npm start", which builds it.');
    // Client-side routes (/orgs/..., /login) all load the SPA shell, which routes itself.
    return reply.header('cache-control', 'no-cache').type('text/html').send(fs.createReadStream(index));
  });
}
