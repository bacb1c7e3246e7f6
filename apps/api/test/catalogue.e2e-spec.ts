import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { App } from 'supertest/types.js';
import type { QueryRunner } from 'typeorm';
import { LOCALES, STAKEHOLDER_TYPE_CODES } from '@compact-voices/contracts';
import { MigrantStakeholderTypes1796300000000 } from '../src/core/database/migrations/1796300000000-migrant-stakeholder-types.js';
import { seedCatalogue, seedContentTranslations } from '../src/modules/catalogue/catalogue.repository.js';
import { loadCatalogueData } from '../src/modules/catalogue/catalogue.data.js';
import { quickParticipants } from './support/participants.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const data = loadCatalogueData();

describe('catalogue API', () => {
  let testApp: TestApp;
  let server: App;

  beforeAll(async () => {
    testApp = await createTestApp();
    server = testApp.app.getHttpServer();
  });

  afterAll(() => testApp.close());

  describe('translations (?locale=)', () => {
    it('reads every principle, objective and recommendation in every interface language, each with its provenance', async () => {
      for (const { code } of LOCALES.filter((locale) => locale.code !== 'en')) {
        const [principles, objectives, recommendations] = await Promise.all(
          ['principles', 'objectives', 'recommendations'].map(
            async (path) => (await request(server).get(`/api/v1/${path}`).query({ locale: code }).expect(200)).body.items,
          ),
        );
        for (const item of [...principles, ...objectives, ...recommendations]) {
          expect({ code, language: item.language, status: item.translation?.status }).toEqual({
            code,
            language: code,
            status: 'unreviewed',
          });
          expect(item.translation.translator).toMatch(/\S/);
          expect(item.translation.translatedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        }
        expect(recommendations.map((item: { code: string }) => item.code)).toEqual(data.recommendations.map((item) => item.code));
      }
    });

    it('keeps English the default and the original, and refuses a language it does not ship', async () => {
      const english = (await request(server).get('/api/v1/recommendations/HR-1').expect(200)).body;
      expect(english).toMatchObject({ language: 'en', translation: null, text: data.recommendations.find((r) => r.code === 'HR-1')!.text });
      expect((await request(server).get('/api/v1/recommendations/HR-1').query({ locale: 'en' }).expect(200)).body).toEqual(english);
      const thai = (await request(server).get('/api/v1/recommendations/HR-1').query({ locale: 'th' }).expect(200)).body;
      expect(thai.language).toBe('th');
      expect(thai.text).not.toBe(english.text);
      expect(thai.text).toMatch(/[\u0E00-\u0E7F]/);
      // HR-1 has the chapter's footnote: translated with it.
      expect(thai.note).toMatch(/[\u0E00-\u0E7F]/);
      const pc1 = (await request(server).get('/api/v1/recommendations/PC-1').query({ locale: 'ar' }).expect(200)).body;
      expect(pc1.note).toBeNull();
      await request(server).get('/api/v1/recommendations/HR-1').query({ locale: 'fr' }).expect(400);
      await request(server).get('/api/v1/principles').query({ locale: 'xx' }).expect(400);
    });

    it('finds a recommendation by a word of its translation, in a script written without spaces', async () => {
      const thai = (await request(server).get('/api/v1/recommendations/PC-1').query({ locale: 'th' }).expect(200)).body.text as string;
      // A run of Thai letters from the middle of the text: no word boundary for a full-text parser to find.
      const word = thai
        .replace(/[^\u0E00-\u0E7F]+/g, ' ')
        .split(' ')
        .filter((run) => run.length >= 6)[1]!
        .slice(0, 6);
      const found = (await request(server).get('/api/v1/recommendations').query({ locale: 'th', q: word }).expect(200)).body.items;
      expect(found.map((item: { code: string }) => item.code)).toContain('PC-1');
      const chinese = (await request(server).get('/api/v1/recommendations/HR-1').query({ locale: 'zh' }).expect(200)).body.text as string;
      const phrase = chinese
        .replace(/[^\u4E00-\u9FFF]+/g, ' ')
        .split(' ')
        .filter((run) => run.length >= 4)[0]!
        .slice(0, 4);
      const foundZh = (await request(server).get('/api/v1/recommendations').query({ locale: 'zh', q: phrase }).expect(200)).body.items;
      expect(foundZh.map((item: { code: string }) => item.code)).toContain('HR-1');
    });

    it('finds a recommendation by words of its translation in any order, not only as one run', async () => {
      const indonesian = (await request(server).get('/api/v1/recommendations/PC-1').query({ locale: 'id' }).expect(200)).body
        .text as string;
      const words = indonesian
        .toLowerCase()
        .split(/[^\p{L}]+/u)
        .filter((word) => word.length >= 6);
      // Two words far apart, backwards: no substring of the text, and the English full-text search knows neither.
      const query = `${words[words.length - 1]} ${words[0]}`;
      expect(indonesian.toLowerCase()).not.toContain(query);
      const found = (await request(server).get('/api/v1/recommendations').query({ locale: 'id', q: query }).expect(200)).body.items;
      expect(found.map((item: { code: string }) => item.code)).toContain('PC-1');
      const none = (
        await request(server)
          .get('/api/v1/recommendations')
          .query({ locale: 'id', q: `${words[0]} qzxjvw` })
          .expect(200)
      ).body.items;
      expect(none).toEqual([]);
    });

    it('loads the translation files on every start without undoing a reviewed correction', async () => {
      await testApp.dataSource.query(
        `UPDATE content_translation SET fields = jsonb_set(fields, '{text}', '"Reviewed wording"'), review_status = 'reviewed',
                reviewer = 'Secretariat', reviewed_at = now(), source = 'A ministry translation'
         WHERE subject_kind = 'recommendation' AND subject_key = 'PC-2' AND language = 'vi'`,
      );
      await testApp.dataSource.query(
        `UPDATE content_translation SET fields = jsonb_set(fields, '{text}', '"Stale machine text"')
         WHERE subject_kind = 'recommendation' AND subject_key = 'PC-3' AND language = 'vi'`,
      );
      await testApp.dataSource.transaction((manager) => seedContentTranslations(manager, data));
      const reviewed = (await request(server).get('/api/v1/recommendations/PC-2').query({ locale: 'vi' }).expect(200)).body;
      expect(reviewed).toMatchObject({
        text: 'Reviewed wording',
        translation: { status: 'reviewed', reviewer: 'Secretariat', source: 'A ministry translation' },
      });
      const refreshed = (await request(server).get('/api/v1/recommendations/PC-3').query({ locale: 'vi' }).expect(200)).body;
      expect(refreshed.text).not.toBe('Stale machine text');
    });
  });

  describe('GET /api/v1/principles', () => {
    it("lists the 10 principles in the chapter's order with their recommendation counts", async () => {
      const response = await request(server).get('/api/v1/principles').expect(200);
      expect(response.headers['content-type']).toMatch(/application\/json; charset=utf-8/);
      expect(response.body.items.map((p: { code: string }) => p.code)).toEqual([
        'PC',
        'IC',
        'NS',
        'RL',
        'SD',
        'HR',
        'GR',
        'CS',
        'WG',
        'WS',
      ]);
      expect(response.body.items.map((p: { recommendationCount: number }) => p.recommendationCount)).toEqual([
        3, 4, 1, 2, 4, 3, 3, 4, 3, 5,
      ]);
      expect(response.body.items[0]).toEqual({
        code: 'PC',
        order: 1,
        title: 'People-centredness',
        description: expect.any(String),
        recommendationCount: 3,
        language: 'en',
        translation: null,
      });
    });

    it('returns one principle with its recommendations, case-insensitively', async () => {
      const response = await request(server).get('/api/v1/principles/ws').expect(200);
      expect(response.body.code).toBe('WS');
      expect(response.body.recommendations.map((r: { code: string }) => r.code)).toEqual(['WS-1', 'WS-2', 'WS-3', 'WS-4', 'WS-5']);
    });

    it('answers 404 PRINCIPLE_NOT_FOUND for an unknown code', async () => {
      const response = await request(server).get('/api/v1/principles/XX').expect(404);
      expect(response.body).toMatchObject({ statusCode: 404, code: 'PRINCIPLE_NOT_FOUND' });
    });
  });

  describe('GET /api/v1/recommendations', () => {
    it('lists all 32 recommendations in document order, verbatim', async () => {
      const response = await request(server).get('/api/v1/recommendations').expect(200);
      expect(response.body.items).toHaveLength(32);
      expect(response.body.items.map((r: { code: string }) => r.code)).toEqual(data.recommendations.map((r) => r.code));
      for (const [index, item] of response.body.items.entries()) {
        expect(item.text).toBe(data.recommendations[index]?.text);
        expect(item.objectiveNumbers.length).toBeGreaterThan(0);
      }
      expect(response.body.items[0].code).toBe('PC-1');
      expect(response.body.items[31].code).toBe('WS-5');
    });

    it('filters by principle', async () => {
      const response = await request(server).get('/api/v1/recommendations?principle=CS').expect(200);
      expect(response.body.items.map((r: { code: string }) => r.code)).toEqual(['CS-1', 'CS-2', 'CS-3', 'CS-4']);
    });

    it('filters by objective, agreeing with the links data', async () => {
      const expected = data.links.filter((link) => link.objectiveNumber === 13).map((link) => link.recommendationCode);
      const response = await request(server).get('/api/v1/recommendations?objective=13').expect(200);
      expect(response.body.items.map((r: { code: string }) => r.code).sort()).toEqual([...expected].sort());
      for (const item of response.body.items) expect(item.objectiveNumbers).toContain(13);
    });

    it('searches the text with PostgreSQL full-text search (stemming, best match first)', async () => {
      const response = await request(server).get('/api/v1/recommendations').query({ q: 'detention of children' }).expect(200);
      expect(response.body.items[0].code).toBe('CS-3');
      const none = await request(server).get('/api/v1/recommendations').query({ q: 'xylophone' }).expect(200);
      expect(none.body.items).toEqual([]);
      const byCode = await request(server).get('/api/v1/recommendations').query({ q: 'hr-1' }).expect(200);
      expect(byCode.body.items.map((r: { code: string }) => r.code)).toContain('HR-1');
    });

    it('combines filters', async () => {
      const response = await request(server).get('/api/v1/recommendations').query({ principle: 'HR', q: 'ILO' }).expect(200);
      expect(response.body.items.map((r: { code: string }) => r.code)).toEqual(['HR-3']);
    });

    it.each([
      ['objective=0', 'objective'],
      ['objective=24', 'objective'],
      ['objective=abc', 'objective'],
      ['objective=1&objective=2', 'objective'],
      ['principle=XX', 'principle'],
      ['principle=PC&principle=IC', 'principle'],
      ['q=%20%20', 'q'],
      [`q=${'a'.repeat(201)}`, 'q'],
      ['sort=createdAt;select%20pg_sleep(5)', 'sort'],
      ['__proto__[isAdmin]=true', '__proto__[isAdmin]'],
    ])('refuses the malformed query %s with 400 VALIDATION_FAILED', async (query, field) => {
      const response = await request(server).get(`/api/v1/recommendations?${query}`).expect(400);
      expect(response.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect(response.body.details[0].field).toBe(field);
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    });
  });

  describe('GET /api/v1/recommendations/{code}', () => {
    it('returns HR-1 with footnote 57 as its note and linked objectives with rationales', async () => {
      const response = await request(server).get('/api/v1/recommendations/HR-1').expect(200);
      expect(response.body.text).toMatch(/^All countries in the region have ratified/);
      expect(response.body.text).not.toMatch(/party\.57/);
      expect(response.body.note).toMatch(/^The core human rights treaties are as follows/);
      expect(response.body.objectives.length).toBeGreaterThan(0);
      for (const objective of response.body.objectives) {
        expect(objective).toEqual({ number: expect.any(Number), title: expect.any(String), rationale: expect.any(String) });
      }
    });

    it('gives every other recommendation a null note', async () => {
      const response = await request(server).get('/api/v1/recommendations/PC-1').expect(200);
      expect(response.body.note).toBeNull();
    });

    it('answers 404 RECOMMENDATION_NOT_FOUND for an unknown or malformed code', async () => {
      for (const code of ['PC-9', 'ZZ-1', 'not-a-code', '%27%3B--']) {
        const response = await request(server).get(`/api/v1/recommendations/${code}`).expect(404);
        expect(response.body.code).toBe('RECOMMENDATION_NOT_FOUND');
      }
    });
  });

  describe('objectives, countries, stakeholder types', () => {
    it('lists the 23 objectives with their linked recommendations', async () => {
      const response = await request(server).get('/api/v1/objectives').expect(200);
      expect(response.body.items).toHaveLength(23);
      expect(response.body.items[0]).toMatchObject({
        number: 1,
        title: 'Collect and utilize accurate and disaggregated data as a basis for evidence-based policies',
      });
      const linked = new Set(response.body.items.flatMap((o: { recommendationCodes: string[] }) => o.recommendationCodes));
      expect(linked.size).toBe(32);
    });

    it('returns one objective, and 404 OBJECTIVE_NOT_FOUND outside 1-23', async () => {
      const response = await request(server).get('/api/v1/objectives/23').expect(200);
      expect(response.body.title).toBe(
        'Strengthen international cooperation and global partnerships for safe, orderly and regular migration',
      );
      expect(response.body.recommendationCodes).toEqual(
        data.links.filter((link) => link.objectiveNumber === 23).map((link) => link.recommendationCode),
      );
      for (const number of ['0', '24', 'x', '1e1', '-1']) {
        const missing = await request(server).get(`/api/v1/objectives/${number}`).expect(404);
        expect(missing.body.code).toBe('OBJECTIVE_NOT_FOUND');
      }
    });

    it('lists countries in and outside the region, filterable', async () => {
      const all = await request(server).get('/api/v1/countries').expect(200);
      expect(all.body.items).toHaveLength(66);
      const outside = await request(server).get('/api/v1/countries?inRegion=false').expect(200);
      expect(outside.body.items.map((c: { iso3: string }) => c.iso3).sort()).toEqual([
        'ARE',
        'BHR',
        'JOR',
        'KWT',
        'LBN',
        'OMN',
        'QAT',
        'SAU',
      ]);
      const pacific = await request(server).get('/api/v1/countries').query({ subregion: 'Pacific' }).expect(200);
      expect(pacific.body.items.map((c: { iso3: string }) => c.iso3)).toEqual(expect.arrayContaining(['FJI', 'WSM', 'NZL', 'AUS']));
      for (const country of pacific.body.items) expect(country).toMatchObject({ subregion: 'Pacific', inRegion: true });
      await request(server).get('/api/v1/countries?inRegion=maybe').expect(400);
      await request(server).get('/api/v1/countries?subregion=Europe').expect(400);
    });

    it('lists the 16 stakeholder types with their side, the migrant types among the individuals on the civil-society side', async () => {
      const response = await request(server).get('/api/v1/stakeholder-types').expect(200);
      const items: Array<{ code: string; label: string; side: string }> = response.body.items;
      expect(items.map((t) => t.code)).toEqual([...STAKEHOLDER_TYPE_CODES]);
      const sides = Object.fromEntries(items.map((t) => [t.code, t.side]));
      expect(Object.keys(sides)).toHaveLength(16);
      expect(sides).toMatchObject({
        government: 'government',
        'local-authority': 'government',
        'migrant-organisation': 'civil-society',
        'civil-society': 'civil-society',
        'trade-union': 'civil-society',
        individual: 'civil-society',
        academia: 'other',
        other: 'other',
      });
      expect(items.slice(-5)).toEqual([
        { code: 'individual', label: 'Individual', side: 'civil-society' },
        { code: 'migrant', label: 'Migrant (speaking for myself)', side: 'civil-society' },
        { code: 'returnee', label: 'Returned migrant', side: 'civil-society' },
        { code: 'migrant-family', label: 'Family member of a migrant', side: 'civil-society' },
        { code: 'other', label: 'Other', side: 'other' },
      ]);
    });
  });

  describe('catalogue loading', () => {
    it('is idempotent: loading twice changes nothing', async () => {
      const count = async () =>
        (
          await testApp.dataSource.query(
            `SELECT (SELECT count(*) FROM principle) AS p, (SELECT count(*) FROM recommendation) AS r,
                  (SELECT count(*) FROM recommendation_objective) AS l, (SELECT count(*) FROM country) AS c`,
          )
        )[0];
      const before = await count();
      await testApp.dataSource.transaction((manager) => seedCatalogue(manager, data));
      await testApp.dataSource.transaction((manager) => seedCatalogue(manager, data));
      expect(await count()).toEqual(before);
      expect(before).toEqual({ p: '10', r: '32', l: String(data.links.length), c: '66' });
    });

    it('removes a link that left the data file and restores edited text', async () => {
      await testApp.dataSource.query(`UPDATE recommendation SET text = 'tampered' WHERE code = 'PC-1'`);
      await testApp.dataSource.query(
        `INSERT INTO recommendation_objective (recommendation_code, objective_number, rationale)
         SELECT 'NS-1', n, 'stale' FROM generate_series(1, 23) n
         ON CONFLICT DO NOTHING`,
      );
      await testApp.dataSource.transaction((manager) => seedCatalogue(manager, data));
      const [pc1] = await testApp.dataSource.query(`SELECT text FROM recommendation WHERE code = 'PC-1'`);
      expect(pc1.text).toBe(data.recommendations[0]?.text);
      const [{ count }] = await testApp.dataSource.query(`SELECT count(*)::int AS count FROM recommendation_objective`);
      expect(count).toBe(data.links.length);
    });

    it('brings a database loaded before the migrant types up to date once migrated, and every account keeps its type', async () => {
      const migration = new MigrantStakeholderTypes1796300000000();
      const withRunner = async (run: (runner: QueryRunner) => Promise<void>) => {
        const runner = testApp.dataSource.createQueryRunner();
        try {
          await run(runner);
        } finally {
          await runner.release();
        }
      };
      const seed = () => testApp.dataSource.transaction((manager) => seedCatalogue(manager, data));
      // The schema and the rows as they were: 13 types, `other` at 13, the old label, an account of type individual.
      await withRunner((runner) => migration.down(runner));
      await testApp.dataSource.query(`DELETE FROM stakeholder_type WHERE code IN ('migrant', 'returnee', 'migrant-family')`);
      await testApp.dataSource.query(`UPDATE stakeholder_type SET position = 13 WHERE code = 'other'`);
      await testApp.dataSource.query(`UPDATE stakeholder_type SET label = 'Individual, including migrants' WHERE code = 'individual'`);
      const [person] = await quickParticipants(testApp, 1);

      // Row by row, a new type cannot take the place `other` is leaving: the old schema cannot load the new file.
      await expect(seed()).rejects.toThrow(/stakeholder_type_position_key/);
      await withRunner((runner) => migration.up(runner));
      await seed();

      const rows: Array<{ code: string; label: string; side: string; position: number }> = await testApp.dataSource.query(
        `SELECT code, label, side, position FROM stakeholder_type ORDER BY position`,
      );
      expect(rows.map((row) => row.code)).toEqual([...STAKEHOLDER_TYPE_CODES]);
      expect(rows.map((row) => row.position)).toEqual(STAKEHOLDER_TYPE_CODES.map((_, index) => index + 1));
      expect(rows.slice(11, 15)).toEqual([
        { code: 'individual', label: 'Individual', side: 'civil-society', position: 12 },
        { code: 'migrant', label: 'Migrant (speaking for myself)', side: 'civil-society', position: 13 },
        { code: 'returnee', label: 'Returned migrant', side: 'civil-society', position: 14 },
        { code: 'migrant-family', label: 'Family member of a migrant', side: 'civil-society', position: 15 },
      ]);
      const [account] = await testApp.dataSource.query(`SELECT stakeholder_type AS type FROM app_user WHERE id = $1`, [person!.id]);
      expect(account.type).toBe('individual');
      // Position uniqueness still holds, at commit.
      await expect(
        testApp.dataSource.transaction((manager) => manager.query(`UPDATE stakeholder_type SET position = 1 WHERE code = 'other'`)),
      ).rejects.toThrow(/stakeholder_type_position_key/);
    });
  });

  describe('HTTP behaviour', () => {
    it('sends security headers and a request id', async () => {
      const response = await request(server).get('/api/v1/principles').expect(200);
      expect(response.headers['strict-transport-security']).toMatch(/max-age=31536000; includeSubDomains/);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(response.headers['content-security-policy']).toMatch(/object-src 'none'/);
      expect(response.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      expect(response.headers['content-security-policy']).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(response.headers['x-powered-by']).toBeUndefined();
      expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('keeps CORS closed by default', async () => {
      const response = await request(server).get('/api/v1/principles').set('Origin', 'https://evil.example').expect(200);
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
      expect(response.headers['access-control-allow-credentials']).toBeUndefined();
    });

    it('answers unknown routes with 404 ROUTE_NOT_FOUND as JSON', async () => {
      const response = await request(server).get('/api/v1/nothing-here').expect(404);
      expect(response.body).toMatchObject({ statusCode: 404, code: 'ROUTE_NOT_FOUND', requestId: expect.any(String) });
    });

    it('refuses non-JSON bodies with 415, malformed JSON with 400 and oversized bodies with 413', async () => {
      const plain = await request(server).post('/api/v1/principles').set('Content-Type', 'text/plain').send('hello').expect(415);
      expect(plain.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      const form = await request(server).post('/api/v1/principles').type('form').send({ a: 'b' }).expect(415);
      expect(form.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      const malformed = await request(server).post('/api/v1/principles').set('Content-Type', 'application/json').send('{"a":').expect(400);
      expect(malformed.body.code).toBe('MALFORMED_JSON');
      const huge = await request(server)
        .post('/api/v1/principles')
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ body: 'x'.repeat(1024 * 1024 + 1) }))
        .expect(413);
      expect(huge.body.code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('reports liveness, and readiness with the database up', async () => {
      const response = await request(server).get('/api/health').expect(200);
      expect(response.body.status).toBe('ok');
      expect((await request(server).get('/api/health/ready').expect(200)).body).toEqual({
        status: 'ok',
        database: 'up',
        redis: 'not-configured',
        accepting: true,
      });
      // Metrics are off without METRICS_TOKEN.
      await request(server).get('/metrics').expect(404);
      expect(response.headers['cache-control']).toBe('no-store');
    });
  });

  describe('OpenAPI', () => {
    it('documents every catalogue path of the contract', async () => {
      const response = await request(server).get('/api/docs-json').expect(200);
      expect(Object.keys(response.body.paths)).toEqual(
        expect.arrayContaining([
          '/api/health',
          '/api/v1/principles',
          '/api/v1/principles/{code}',
          '/api/v1/recommendations',
          '/api/v1/recommendations/{code}',
          '/api/v1/objectives',
          '/api/v1/objectives/{number}',
          '/api/v1/countries',
          '/api/v1/stakeholder-types',
        ]),
      );
      const params = response.body.paths['/api/v1/recommendations'].get.parameters.map((p: { name: string }) => p.name);
      expect(params).toEqual(expect.arrayContaining(['principle', 'objective', 'q']));
      const html = await request(server).get('/api/docs/').expect(200);
      expect(html.text).toContain('swagger');
    });

    it('describes request bodies and query strings from the shared request schemas', async () => {
      const document = (await request(server).get('/api/docs-json').expect(200)).body;
      const comment = document.components.schemas.CreateCommentDto;
      expect(comment.required).toEqual(['body']);
      expect(comment.properties.body).toMatchObject({ type: 'string', maxLength: 5000 });
      expect(comment.properties.stance.enum).toEqual(['supports', 'concern', 'information', 'question']);
      expect(comment.properties.actingOrganisationId).toMatchObject({ nullable: true });
      const filters = document.components.schemas.CreateExportDto.properties.filters;
      expect(JSON.stringify(filters)).toContain('objectiveNumber');
      const list = document.paths['/api/v1/consultations/{id}/recommendations/{code}/comments'].get.parameters;
      expect(list.find((p: { name: string }) => p.name === 'limit')).toMatchObject({
        in: 'query',
        required: false,
        schema: { maximum: 100 },
      });
      const recommendations = document.paths['/api/v1/recommendations'].get.parameters;
      expect(recommendations.find((p: { name: string }) => p.name === 'objective')).toMatchObject({ schema: { minimum: 1, maximum: 23 } });
    });

    it("passes Redocly's recommended rules: every operation states its security and its 4xx answers", async () => {
      const document = (await request(server).get('/api/docs-json').expect(200)).body;
      const dir = mkdtempSync(join(tmpdir(), 'cv-openapi-'));
      try {
        writeFileSync(join(dir, 'openapi.json'), JSON.stringify(document));
        writeFileSync(join(dir, 'redocly.yaml'), 'extends:\n  - recommended\n');
        const lint = spawnSync(join(process.cwd(), 'node_modules/.bin/redocly'), ['lint', 'openapi.json', '--format=json'], {
          cwd: dir,
          encoding: 'utf8',
          env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
        });
        const report = JSON.parse(lint.stdout) as {
          problems: Array<{ ruleId: string; severity: string; message: string; location: Array<{ pointer: string }> }>;
        };
        const problems = report.problems.map(
          (problem) => `${problem.severity} ${problem.ruleId} ${problem.location[0]?.pointer}: ${problem.message}`,
        );
        expect(problems).toEqual([]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  it('serves the same recommendation texts as the reviewed data file', () => {
    const file = JSON.parse(readFileSync(new URL('../src/modules/catalogue/data/recommendations.json', import.meta.url), 'utf8')) as Array<{
      code: string;
    }>;
    expect(file.map((r) => r.code)).toEqual(data.recommendations.map((r) => r.code));
  });
});
