import { LOCALES } from '@compact-voices/contracts';
import request from 'supertest';
import type { App } from 'supertest/types.js';
import { signIn, signUpAndIn, type SignedIn } from './support/accounts.js';
import { TEST_ADMIN, createTestApp, type TestApp } from './support/test-app.js';

describe('house rules', () => {
  let testApp: TestApp;
  let server: App;
  let admin: SignedIn;

  beforeAll(async () => {
    testApp = await createTestApp();
    server = testApp.app.getHttpServer();
    admin = await signIn(testApp, TEST_ADMIN.email, TEST_ADMIN.password);
  });

  afterAll(() => testApp.close());

  it('publishes the reviewed rules in every shipped language, in order', async () => {
    const en = (await request(server).get('/api/v1/rules').expect(200)).body.items;
    expect(en.map((rule: { code: string }) => rule.code)).toEqual(['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7']);
    expect(en[1]).toMatchObject({ code: 'R2', version: 1, language: 'en', title: 'Protect personal information' });
    const ur = (await request(server).get('/api/v1/rules').query({ locale: 'ur' }).expect(200)).body.items;
    expect(ur[0]).toMatchObject({ code: 'R1', language: 'ur', title: 'لوگوں کا احترام کریں' });
    const id = (await request(server).get('/api/v1/rules').query({ locale: 'id' }).expect(200)).body.items;
    expect(id[3]).toMatchObject({ code: 'R4', language: 'id', title: 'Tetap pada topik' });
    await request(server).get('/api/v1/rules').query({ locale: 'fr' }).expect(400);
  });

  it('keeps every version: an admin publishes the next, others may not, and it is logged', async () => {
    const participant = await signUpAndIn(testApp);
    const change = {
      title: { en: 'Stay on the recommendation' },
      text: { en: 'Comments are about this recommendation and its implementation.' },
    };
    await request(server).put('/api/v1/rules/R4').set(participant.auth).send(change).expect(403);
    const published = await request(server).put('/api/v1/rules/R4').set(admin.auth).send(change).expect(200);
    expect(published.body).toMatchObject({ code: 'R4', version: 2, title: 'Stay on the recommendation' });
    // Missing translations fall back to English and say so.
    const ur = (await request(server).get('/api/v1/rules').query({ locale: 'ur' }).expect(200)).body.items;
    expect(ur.find((rule: { code: string }) => rule.code === 'R4')).toMatchObject({
      version: 2,
      language: 'en',
      title: 'Stay on the recommendation',
    });
    const versions = await testApp.dataSource.query(`SELECT version FROM house_rule WHERE code = 'R4' ORDER BY version`);
    expect(versions).toEqual([{ version: 1 }, { version: 2 }]);
    const [entry] = await testApp.dataSource.query(`SELECT actor_id, details FROM audit_event WHERE action = 'rule.published'`);
    expect(entry).toEqual({ actor_id: admin.user.id, details: { version: 2 } });
    await request(server).put('/api/v1/rules/R99').set(admin.auth).send(change).expect(404);
    await request(server)
      .put('/api/v1/rules/R4')
      .set(admin.auth)
      .send({ title: { fr: 'x' }, text: change.text })
      .expect(400);
    await request(server)
      .put('/api/v1/rules/R4')
      .set(admin.auth)
      .send({ title: { en: '' }, text: change.text })
      .expect(400);
  });

  it('loads the rule files once: a restart does not overwrite a newer version', async () => {
    const { HouseRulesService } = await import('../src/modules/moderation/house-rules.service.js');
    await testApp.app.get(HouseRulesService).onModuleInit();
    const [{ count }] = await testApp.dataSource.query(`SELECT count(*)::int AS count FROM house_rule WHERE version = 1`);
    expect(count).toBe(7);
  });

  it('gives a version a language shipped after it was published, never overwriting a text it has', async () => {
    for (const { code } of LOCALES) {
      const items = (await request(server).get('/api/v1/rules').query({ locale: code }).expect(200)).body.items as Array<{
        code: string;
        language: string;
      }>;
      // R4 is at version 2 (English only, published above); every other rule's first version speaks every language.
      expect(items.filter((rule) => rule.code !== 'R4').every((rule) => rule.language === code)).toBe(true);
    }
    // A database made before Thai shipped, and an admin's own Urdu wording of R1.
    await testApp.dataSource.query(`UPDATE house_rule SET title = title - 'th', text = text - 'th'`);
    await testApp.dataSource.query(
      `UPDATE house_rule SET title = jsonb_set(title, '{ur}', '"Own wording"') WHERE code = 'R1' AND version = 1`,
    );
    const { HouseRulesService } = await import('../src/modules/moderation/house-rules.service.js');
    await testApp.app.get(HouseRulesService).onModuleInit();
    const rows: Array<{ code: string; version: number; th: string | null; ur: string }> = await testApp.dataSource.query(
      `SELECT code, version, title ->> 'th' AS th, title ->> 'ur' AS ur FROM house_rule ORDER BY code, version`,
    );
    expect(rows.filter((row) => row.version === 1).every((row) => row.th)).toBe(true);
    // Version 2 of R4 has English of its own: the file's Thai is not its translation.
    expect(rows.find((row) => row.code === 'R4' && row.version === 2)?.th).toBeNull();
    expect(rows.find((row) => row.code === 'R1')?.ur).toBe('Own wording');
  });
});
