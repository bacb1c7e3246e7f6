import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { App } from 'supertest/types.js';
import type { AccessPolicy } from '../src/core/auth/access.decorator.js';
import { registeredRoutes } from './support/routes.js';
import { signIn, signUpAndIn, type SignedIn } from './support/accounts.js';
import { TEST_ADMIN, createTestApp, type TestApp } from './support/test-app.js';

/**
 * Deny by default, proved: every registered route must declare a policy, the declared matrix must
 * equal the reviewed table below (so an access change is a visible diff), and every route is called
 * as every role to check that the guard does what the declaration says.
 */
const EXPECTED: Record<string, string> = {
  'GET /health': 'public',
  'GET /health/ready': 'public',
  // Public to the guard; the controller wants the METRICS_TOKEN (404 while unset).
  'GET /metrics': 'public',
  'GET /principles': 'public',
  'GET /principles/:code': 'public',
  'GET /recommendations': 'public',
  'GET /recommendations/:code': 'public',
  'GET /objectives': 'public',
  'GET /objectives/:number': 'public',
  'GET /countries': 'public',
  'GET /stakeholder-types': 'public',
  'POST /auth/sign-up': 'public',
  'POST /auth/verify-email': 'public',
  'POST /auth/resend-verification': 'public',
  'POST /auth/sign-in': 'public',
  'POST /auth/refresh': 'public',
  'POST /auth/sign-out': 'public',
  'POST /auth/password-reset': 'public',
  'POST /auth/password-reset/confirm': 'public',
  'GET /me': 'authenticated',
  'PATCH /me': 'authenticated',
  'POST /me/password': 'authenticated',
  'GET /me/sessions': 'authenticated',
  'DELETE /me/sessions/:id': 'authenticated',
  'GET /me/export': 'authenticated',
  'DELETE /me': 'authenticated',
  'GET /organisations': 'public',
  'POST /organisations': 'authenticated',
  'GET /organisations/:id': 'public',
  'POST /organisations/:id/verify': 'roles:admin',
  'POST /organisations/:id/join': 'authenticated',
  'GET /organisations/:id/members': 'authenticated',
  'POST /organisations/:id/members/:memberId/accept': 'authenticated',
  'DELETE /organisations/:id/members/:memberId': 'authenticated',
  'GET /users': 'roles:admin',
  'PATCH /users/:id/roles': 'roles:admin',
  'POST /users/:id/sessions/revoke': 'roles:admin',
  'GET /audit': 'roles:admin',
  'GET /audit/verify': 'roles:admin',
  'GET /consultations': 'public',
  'POST /consultations': 'roles:admin',
  'GET /consultations/:id': 'public',
  'GET /consultations/:id/coverage': 'public',
  'PATCH /consultations/:id': 'roles:admin',
  'GET /consultations/:id/moderators': 'roles:admin',
  'PUT /consultations/:id/moderators': 'roles:admin',
  'GET /consultations/:id/safeguarding-officers': 'roles:admin',
  'PUT /consultations/:id/safeguarding-officers': 'roles:admin',
  'GET /consultations/:id/recommendations/:code/comments': 'public',
  'POST /consultations/:id/recommendations/:code/comments': 'authenticated',
  'GET /consultations/:id/comments': 'public',
  'GET /comments/:commentId': 'public',
  // The author and the round's moderators only — checked in the service.
  'GET /comments/:commentId/revisions': 'authenticated',
  'PATCH /comments/:commentId': 'authenticated',
  'DELETE /comments/:commentId': 'authenticated',
  'PUT /comments/:commentId/reaction': 'authenticated',
  'PUT /consultations/:id/recommendations/:code/ratings/:iso3': 'authenticated',
  'GET /consultations/:id/recommendations/:code/ratings/mine': 'authenticated',
  'GET /consultations/:id/recommendations/:code/ratings/summary': 'public',
  'PUT /consultations/:id/recommendations/:code/official/:iso3': 'authenticated',
  'GET /consultations/:id/recommendations/:code/events': 'public',
  'GET /rules': 'public',
  'PUT /rules/:code': 'roles:admin',
  // Moderation: the guard admits signed-in people; the service checks the round's moderators.
  'POST /comments/:commentId/flags': 'authenticated',
  'GET /moderation/rounds': 'authenticated',
  'GET /moderation/queue': 'authenticated',
  // A round's safeguarding officers, or holders of the global safeguarding role — checked in the service.
  'GET /moderation/safeguarding-queue': 'authenticated',
  'GET /moderation/comments/:commentId/history': 'authenticated',
  'POST /moderation/decisions': 'authenticated',
  'GET /moderation/decisions': 'authenticated',
  'GET /moderation/decisions/:id': 'authenticated',
  'POST /moderation/decisions/:id/cosign': 'authenticated',
  'GET /moderation/appeals': 'authenticated',
  'POST /appeals': 'authenticated',
  'GET /appeals/:id': 'authenticated',
  'POST /appeals/:id/decision': 'authenticated',
  'POST /moderation/sanctions': 'authenticated',
  // Every sanction for admins; one round's (?consultationId=) for its moderators — checked in the service.
  'GET /moderation/sanctions': 'authenticated',
  'GET /moderation/sanctions/:id': 'authenticated',
  'POST /moderation/sanctions/:id/cosign': 'authenticated',
  'DELETE /moderation/sanctions/:id': 'roles:admin',
  'GET /moderation/word-filter': 'roles:admin',
  'POST /moderation/word-filter': 'roles:admin',
  'DELETE /moderation/word-filter/:id': 'roles:admin',
  'GET /transparency': 'public',
  'PUT /moderation/highlights/:commentId': 'authenticated',
  'GET /notifications': 'authenticated',
  'POST /notifications/read-all': 'authenticated',
  'POST /notifications/:id/read': 'authenticated',
  'POST /exports': 'roles:admin',
  'GET /exports': 'roles:admin',
  'GET /exports/download/:token': 'public',
  'GET /exports/:id': 'roles:admin',
  'DELETE /exports/:id': 'roles:admin',
  'GET /open-data': 'public',
  'GET /open-data/:consultationId/pack': 'public',
  'GET /open-data/:consultationId/codebook': 'public',
  'GET /dashboard': 'public',
  'WS thread:join': 'public',
  'WS thread:leave': 'public',
};

function describePolicy(policy: AccessPolicy | undefined): string {
  if (!policy) return 'UNDECLARED';
  return policy.kind === 'roles' ? `roles:${policy.roles.join(',')}` : policy.kind;
}

const DENIED = new Set(['AUTHENTICATION_REQUIRED', 'INVALID_TOKEN', 'FORBIDDEN']);

describe('route access matrix', () => {
  let testApp: TestApp;
  let server: App;
  const roles: Record<string, SignedIn | undefined> = {};

  beforeAll(async () => {
    testApp = await createTestApp();
    server = testApp.app.getHttpServer();
    roles.anonymous = undefined;
    roles.participant = await signUpAndIn(testApp);
    const orgAdmin = await signUpAndIn(testApp);
    await request(server)
      .post('/api/v1/organisations')
      .set(orgAdmin.auth)
      .send({ name: 'Matrix Org', stakeholderType: 'trade-union', countryIso3: 'LKA' })
      .expect(201);
    roles['organisation admin'] = orgAdmin;
    const moderator = await signUpAndIn(testApp);
    roles.admin = await signIn(testApp, TEST_ADMIN.email, TEST_ADMIN.password);
    await request(server)
      .patch(`/api/v1/users/${moderator.user.id}/roles`)
      .set(roles.admin.auth)
      .send({ roles: ['moderator'] })
      .expect(200);
    roles.moderator = moderator;
  });

  afterAll(() => testApp.close());

  it('every route declares a policy, and the declarations equal the reviewed matrix', () => {
    const routes = registeredRoutes(testApp);
    const declared = Object.fromEntries(routes.map((route) => [`${route.method} ${route.path}`, describePolicy(route.policy)]));
    expect(routes.filter((route) => route.policy === undefined)).toEqual([]);
    expect(declared).toEqual(EXPECTED);
  });

  it('the guard enforces the matrix for every route and role', async () => {
    const results: string[] = [];
    const failures: string[] = [];
    const routes = registeredRoutes(testApp).filter(
      (route) => route.method !== 'WS' && !(route.method === 'DELETE' && route.path === '/me'),
    );
    for (const route of routes) {
      for (const [role, session] of Object.entries(roles)) {
        const path = `/api/v1${route.path}`
          .replace('/api/v1/health', '/api/health')
          .replace(/:[A-Za-z]+/g, (param) =>
            param === ':code' ? 'PC-1' : param === ':number' ? '1' : param === ':iso3' ? 'NPL' : randomUUID(),
          );
        const call = request(server)[route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](path);
        if (session) call.set(session.auth);
        const response = await call.send({});
        const denied = (response.status === 401 || response.status === 403) && DENIED.has(response.body.code as string);
        const policy = route.policy!;
        const shouldAllow =
          policy.kind === 'public' ||
          (policy.kind === 'authenticated' && session !== undefined) ||
          (policy.kind === 'roles' && session !== undefined && policy.roles.some((r) => session.user.roles.includes(r)));
        results.push(`${route.method} ${route.path} as ${role}: ${response.status}`);
        if (denied === shouldAllow)
          failures.push(`${route.method} ${route.path} as ${role}: ${response.status} ${String(response.body.code)}`);
        if (!shouldAllow && session === undefined) expect(response.status).toBe(401);
        if (!shouldAllow && session !== undefined) expect(response.status).toBe(403);
        expect(response.status).toBeLessThan(500);
      }
    }
    expect(failures).toEqual([]);
    expect(results.length).toBe(routes.length * 5);
  });
});
