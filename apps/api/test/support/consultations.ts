import request from 'supertest';
import type { Consultation } from '@compact-voices/contracts';
import type { SignedIn } from './accounts.js';
import type { TestApp } from './test-app.js';

const HOUR = 3_600_000;

/** An open round (opened an hour ago, closing in a week) created by the admin. */
export async function openConsultation(
  testApp: TestApp,
  admin: SignedIn,
  overrides: Partial<{
    title: string;
    moderationMode: 'pre' | 'post';
    recommendationCodes: string[];
    countryIso3s: string[];
    opensAt: string;
    closesAt: string;
  }> = {},
): Promise<Consultation> {
  const server = testApp.app.getHttpServer();
  const created = await request(server)
    .post('/api/v1/consultations')
    .set(admin.auth)
    .send({
      title: overrides.title ?? `Regional review ${Date.now()}`,
      description: 'The **whole-of-society** review.',
      opensAt: overrides.opensAt ?? new Date(Date.now() - HOUR).toISOString(),
      closesAt: overrides.closesAt ?? new Date(Date.now() + 7 * 24 * HOUR).toISOString(),
      moderationMode: overrides.moderationMode ?? 'post',
      ...(overrides.recommendationCodes ? { recommendationCodes: overrides.recommendationCodes } : {}),
      ...(overrides.countryIso3s ? { countryIso3s: overrides.countryIso3s } : {}),
    })
    .expect(201);
  const opened = await request(server)
    .patch(`/api/v1/consultations/${created.body.id}`)
    .set(admin.auth)
    .send({ status: 'open' })
    .expect(200);
  return opened.body as Consultation;
}
