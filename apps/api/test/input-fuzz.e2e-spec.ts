import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { App } from 'supertest/types.js';
import { signIn, signUpAndIn, type SignedIn } from './support/accounts.js';
import { openConsultation } from './support/consultations.js';
import { registeredRoutes } from './support/routes.js';
import { TEST_ADMIN, createTestApp, type TestApp } from './support/test-app.js';

/**
 * Bad input never answers 5xx. Every registered route — the same list the access
 * matrix checks, so a new route is fuzzed the day it is added — gets malformed path parameters,
 * query strings and bodies, as an anonymous caller, a participant and an admin (who passes most
 * guards and so reaches the most code). Any answer of 500 or above is a failure, listed with what
 * caused it. Path parameters of rounds and comments point at real ones, so bodies reach the services.
 */

const NUL = '\u0000';
const BEYOND_UNICODE = '&#x110000; &#1114112; &#xFFFFFFFFFF;';
const BIG = '99999999999999999999999';

/** Query strings that have broken routes before, or could: beyond bigint, negative, NUL, broken UTF-8, not a date. */
const QUERIES = [
  `after=${BIG}&before=${BIG}&limit=${BIG}&page=${BIG}`,
  'after=-1&limit=0&before=-5',
  'after=1e20&limit=1.5&offset=NaN',
  `q=a${encodeURIComponent(NUL)}b&cursor=%FF%FE&locale=zz`,
  'q=%F0%9F&from=2027-13-45&to=yesterday&consultationId=not-a-uuid&sort=sideways&dataset=x&format=x',
  `q=${'x'.repeat(5_000)}&country=${'Z'.repeat(300)}&commentId=${BIG}`,
  'after[]=1&limit[a]=2&q[]=x&consultationId[]=y',
];

/** Bodies: NUL and line breaks in every field name we use, numbers past every limit, wrong types, entities beyond Unicode. */
const TEXT_FIELDS = [
  'body',
  'name',
  'displayName',
  'email',
  'password',
  'reason',
  'ruleCode',
  'note',
  'title',
  'description',
  'token',
  'term',
  'text',
  'evidence',
  'statement',
  'q',
];
const BODIES: Array<unknown> = [
  // One field at a time, so a body passes the whitelist and the bad value reaches the service and the database.
  ...TEXT_FIELDS.map((field) => ({ [field]: `x${NUL}y` })),
  { body: `Fine words ${BEYOND_UNICODE}` },
  { score: 1e308 },
  { score: 3, evidence: `x${NUL}` },
  { until: '9999-12-31T23:59:59Z' },
  Object.fromEntries(TEXT_FIELDS.map((field) => [field, `x${NUL}y`])),
  Object.fromEntries(TEXT_FIELDS.map((field) => [field, `Line one\nLine two ${BEYOND_UNICODE}`])),
  {
    body: BEYOND_UNICODE,
    score: 1e308,
    until: '9999-99-99',
    countryIso3: 'ZZZ',
    parentId: BIG,
    commentId: BIG,
    userIds: [BIG, NUL],
    roles: [NUL],
    limit: 1e20,
    version: -1,
  },
  {
    score: 'four',
    dontKnow: 'yes',
    privacyMode: 7,
    locale: ['en'],
    filters: { from: 'x', to: 1e20, consultationId: NUL },
    global: 'true',
    action: NUL,
  },
  [1, 2, 3],
  'a string, not an object',
  { userIds: Array.from({ length: 2_000 }, () => randomUUID()), recommendationCodes: Array.from({ length: 500 }, (_, i) => `X-${i}`) },
];

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

describe('input fuzz: no 5xx from any route', () => {
  let testApp: TestApp;
  let server: App;
  const callers: Record<string, SignedIn | undefined> = {};
  let roundId = '';
  let commentId = '';

  beforeAll(async () => {
    testApp = await createTestApp({ AUTH_IP_LIMIT_PER_MINUTE: '100000', COMMENTS_PER_MINUTE: '10000' });
    server = testApp.app.getHttpServer();
    callers.anonymous = undefined;
    callers.participant = await signUpAndIn(testApp);
    callers.admin = await signIn(testApp, TEST_ADMIN.email, TEST_ADMIN.password);
    const round = await openConsultation(testApp, callers.admin, { recommendationCodes: ['PC-1'], countryIso3s: ['NPL'] });
    roundId = round.id;
    commentId = (
      await request(server)
        .post(`/api/v1/consultations/${roundId}/recommendations/PC-1/comments`)
        .set(callers.participant.auth)
        .send({ body: 'A comment to aim at.' })
        .expect(201)
    ).body.id;
  });

  afterAll(() => testApp.close());

  function pathFor(routePath: string, malformed: string | null): string {
    const base = `/api/v1${routePath}`.replace('/api/v1/health', '/api/health').replace('/api/v1/metrics', '/metrics');
    return base.replace(/:[A-Za-z]+/g, (param) => {
      if (malformed !== null) return encodeURIComponent(malformed);
      if (param === ':code') return 'PC-1';
      if (param === ':number') return '1';
      if (param === ':iso3') return 'NPL';
      if (param === ':commentId') return commentId;
      if (param === ':consultationId' || (param === ':id' && routePath.startsWith('/consultations'))) return roundId;
      return randomUUID();
    });
  }

  it('answers every malformed request to every route with a 2xx, 3xx or 4xx', async () => {
    const routes = registeredRoutes(testApp).filter((route) => route.method !== 'WS');
    expect(routes.length).toBeGreaterThan(80);
    const failures: string[] = [];
    let sent = 0;
    for (const route of routes) {
      for (const [role, caller] of Object.entries(callers)) {
        // Signing a caller out would leave the rest of the run anonymous: that route is fuzzed without a session.
        if (caller && route.method === 'POST' && route.path === '/auth/sign-out') continue;
        const variants: Array<{ path: string; query?: string; body?: unknown; raw?: string }> = [];
        for (const malformed of [null, `x${NUL}`, BIG, 'a'.repeat(400), '%FF']) variants.push({ path: pathFor(route.path, malformed) });
        for (const query of QUERIES) variants.push({ path: pathFor(route.path, null), query });
        if (WRITES.has(route.method)) {
          for (const body of BODIES) variants.push({ path: pathFor(route.path, null), body });
          // JSON that parses into half a character.
          variants.push({ path: pathFor(route.path, null), raw: '{"body":"\\ud800 broken","name":"\\udfff","displayName":"\\ud800"}' });
        }
        // A route without path parameters gets the same path five times: send each request once.
        const distinct = [...new Map(variants.map((variant) => [JSON.stringify(variant), variant])).values()];
        // The variants of one route go out together (routes stay in order, so state they change
        // is changed in the same order every run): concurrent bad input must not 5xx either.
        for (let start = 0; start < distinct.length; start += 8) {
          await Promise.all(
            distinct.slice(start, start + 8).map(async (variant) => {
              const url = variant.query ? `${variant.path}?${variant.query}` : variant.path;
              let call = request(server)
                [route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](url)
                .set('X-Requested-With', 'compact-voices');
              if (caller) call = call.set(caller.auth);
              if (variant.raw !== undefined) call = call.set('Content-Type', 'application/json').send(variant.raw);
              else if (variant.body !== undefined) call = call.send(variant.body as object);
              const response = await call;
              sent++;
              if (response.status >= 500) {
                failures.push(
                  `${response.status} ${route.method} ${url.slice(0, 160)} as ${role}${variant.body !== undefined ? ` body ${JSON.stringify(variant.body).slice(0, 120)}` : ''}${variant.raw ? ` raw ${variant.raw}` : ''}`,
                );
              }
            }),
          );
        }
      }
    }
    expect(sent).toBeGreaterThan(1_000);
    expect(failures).toEqual([]);
  }, 600_000);
});
