/**
 * The baselines of the HTTP scenarios: the least a program needs to answer the same requests
 * correctly. Each request's bearer token is verified with `jose` against Relais's own JWKS (signature,
 * issuer, audience of the service, expiry, `typ` Bearer and `azp` relais-portal, as Relais checks);
 * reads answer the JSON Relais answered, held in memory; writes validate their body and keep it in a Map
 * (the trainer's status change checks no role: the token check is what is compared).
 * BASELINE=express: Express 5 with express.json and one middleware for the token; BASELINE=http: bare
 * node:http. Prints `listening <port>` once it listens.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { feedbackCategory } from '@relais/contracts';
import express, { type NextFunction, type Request, type Response } from 'express';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';

interface Routes {
  jwksUrl: string;
  issuer: string;
  /** Path → the JSON body Relais answered for it. */
  reads: Record<string, string>;
}

const routes = JSON.parse(readFileSync(process.env['ROUTES_FILE']!, 'utf8')) as Routes;
const keys = createRemoteJWKSet(new URL(routes.jwksUrl));
const categories = new Set<string>(feedbackCategory.options);

class Refused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(code);
  }
}

async function callerOf(authorization: string | undefined, service: string): Promise<JWTPayload> {
  const token = /^Bearer +(\S+)$/i.exec(authorization?.trim() ?? '')?.[1];
  if (!token) throw new Refused(401, 'UNAUTHENTICATED');
  try {
    const { payload } = await jwtVerify(token, keys, {
      issuer: routes.issuer,
      audience: `relais-${service}`,
      algorithms: ['RS256'],
    });
    if (payload['typ'] !== 'Bearer') throw new Refused(401, 'INVALID_TOKEN');
    if (payload['azp'] !== 'relais-portal') throw new Refused(403, 'FORBIDDEN_CLIENT');
    return payload;
  } catch (error) {
    if (error instanceof Refused) throw error;
    throw new Refused(401, 'INVALID_TOKEN');
  }
}

const enrollments = new Map<string, { courseId: string; status: string }>();
const marks = new Map<string, boolean>();
const feedback: { id: string; courseId: string; category: string; intensity: number }[] = [];

type Answer = { status: number; body: unknown };

function enroll(courseId: string, caller: JWTPayload): Answer {
  const key = `${courseId}/${caller.sub}`;
  const existing = enrollments.get(key);
  if (existing) return { status: 200, body: existing };
  const created = { courseId, status: 'enrolled' };
  enrollments.set(key, created);
  return { status: 201, body: created };
}

function tick(courseId: string, activityId: string, body: unknown, caller: JWTPayload): Answer {
  const fields = typeof body === 'object' && body !== null ? Object.keys(body) : [];
  const done = (body as { done?: unknown } | null)?.done;
  if (typeof done !== 'boolean' || fields.length !== 1)
    return { status: 400, body: { code: 'INVALID_BODY' } };
  marks.set(`${courseId}/${activityId}/${caller.sub}`, done);
  return { status: 200, body: { activityId, done } };
}

function post(courseId: string, body: unknown): Answer {
  const item = body as { category?: unknown; intensity?: unknown; message?: unknown; visibility?: unknown };
  if (
    typeof item?.category !== 'string' ||
    !categories.has(item.category) ||
    typeof item.intensity !== 'number' ||
    !Number.isInteger(item.intensity) ||
    item.intensity < 1 ||
    item.intensity > 5 ||
    typeof item.message !== 'string' ||
    item.message.length > 2_000 ||
    (item.visibility !== 'named' && item.visibility !== 'anonymous')
  )
    return { status: 400, body: { code: 'INVALID_BODY' } };
  const created = { id: randomUUID(), courseId, category: item.category, intensity: item.intensity };
  feedback.push(created);
  return { status: 201, body: created };
}

const statuses = new Map<string, string>();

function changeStatus(itemId: string, body: unknown): Answer {
  const status = (body as { status?: unknown } | null)?.status;
  if (status !== 'open' && status !== 'acknowledged' && status !== 'addressed')
    return { status: 400, body: { code: 'INVALID_BODY' } };
  statuses.set(itemId, status);
  return { status: 200, body: { id: itemId, status } };
}

const STATUS = /^\/api\/feedback\/feedback\/([^/]+)$/;
const ENROLL = /^\/api\/enrollment\/courses\/([^/]+)\/enrollments$/;
const TICK = /^\/api\/progress\/courses\/([^/]+)\/activities\/([^/]+)\/completion$/;
const FEEDBACK = /^\/api\/feedback\/courses\/([^/]+)\/feedback$/;

function startExpress(port: number) {
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json());
  const authenticated = (service: string) => async (req: Request, res: Response, next: NextFunction) => {
    try {
      res.locals['caller'] = await callerOf(req.headers.authorization, service);
      next();
    } catch (error) {
      next(error);
    }
  };
  const send = (res: Response, answer: Answer) =>
    res.status(answer.status).set('cache-control', 'no-store').json(answer.body);
  for (const [path, body] of Object.entries(routes.reads)) {
    const service = path.split('/')[2]!;
    app.get(path, authenticated(service), (_req, res) => {
      res.set('cache-control', 'no-store').type('application/json').send(body);
    });
  }
  app.post('/api/enrollment/courses/:id/enrollments', authenticated('enrollment'), (req, res) =>
    send(res, enroll(String(req.params['id']), res.locals['caller'] as JWTPayload)),
  );
  app.put(
    '/api/progress/courses/:id/activities/:activity/completion',
    authenticated('progress'),
    (req, res) =>
      send(
        res,
        tick(
          String(req.params['id']),
          String(req.params['activity']),
          req.body,
          res.locals['caller'] as JWTPayload,
        ),
      ),
  );
  app.post('/api/feedback/courses/:id/feedback', authenticated('feedback'), (req, res) =>
    send(res, post(String(req.params['id']), req.body)),
  );
  app.patch('/api/feedback/feedback/:id', authenticated('feedback'), (req, res) =>
    send(res, changeStatus(String(req.params['id']), req.body)),
  );
  app.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (!(error instanceof Refused)) return next(error);
    res.status(error.status).type('application/problem+json').send({ code: error.code });
  });
  return app.listen(port, '127.0.0.1');
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length === 0 ? undefined : JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

async function answerHttp(req: IncomingMessage): Promise<Answer | { status: number; raw: string }> {
  const path = (req.url ?? '/').split('?')[0]!;
  const read = req.method === 'GET' ? routes.reads[path] : undefined;
  if (read !== undefined) {
    await callerOf(req.headers.authorization, path.split('/')[2]!);
    return { status: 200, raw: read };
  }
  let match = req.method === 'POST' ? ENROLL.exec(path) : null;
  if (match) return enroll(match[1]!, await callerOf(req.headers.authorization, 'enrollment'));
  match = req.method === 'PUT' ? TICK.exec(path) : null;
  if (match) {
    const caller = await callerOf(req.headers.authorization, 'progress');
    return tick(match[1]!, match[2]!, await readBody(req), caller);
  }
  match = req.method === 'POST' ? FEEDBACK.exec(path) : null;
  if (match) {
    await callerOf(req.headers.authorization, 'feedback');
    return post(match[1]!, await readBody(req));
  }
  match = req.method === 'PATCH' ? STATUS.exec(path) : null;
  if (match) {
    await callerOf(req.headers.authorization, 'feedback');
    return changeStatus(match[1]!, await readBody(req));
  }
  return { status: 404, body: { code: 'NOT_FOUND' } };
}

function startHttp(port: number) {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    answerHttp(req).then(
      (answer) => {
        const text = 'raw' in answer ? answer.raw : JSON.stringify(answer.body);
        res.writeHead(answer.status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(text);
      },
      (error: unknown) => {
        const status = error instanceof Refused ? error.status : 400;
        res.writeHead(status, { 'content-type': 'application/problem+json' });
        res.end(JSON.stringify({ code: error instanceof Refused ? error.code : 'INVALID_BODY' }));
      },
    );
  });
  return server.listen(port, '127.0.0.1');
}

const port = Number(process.env['PORT']);
const server = process.env['BASELINE'] === 'http' ? startHttp(port) : startExpress(port);
server.once('listening', () => process.stdout.write(`listening ${port}\n`));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
