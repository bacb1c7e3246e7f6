import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import request from 'supertest';
import type { App } from 'supertest/types.js';
import type { Comment, Consultation, Dashboard, ExportJob } from '@compact-voices/contracts';
import { ExportRunner } from '../src/modules/exports/export-runner.service.js';
import { DATASETS, REDACTED, TABLE_DATASETS, columnsFor } from '../src/modules/exports/datasets.js';
import { ExportsRepository } from '../src/modules/exports/exports.repository.js';
import { regenerateOutdatedOpenData } from '../src/modules/exports/open-data-regeneration.js';
import { REFRESH_COOKIE, signIn, signUpAndIn, type SignedIn } from './support/accounts.js';
import { openConsultation } from './support/consultations.js';
import { quickParticipants, rate } from './support/participants.js';
import { TEST_ADMIN, createTestApp, type TestApp } from './support/test-app.js';

const REC = 'PC-1';
// Comment bodies are trimmed on the way in, so leading-space and tab variants are unit-tested (table-writers.spec.ts).
const INJECTIONS = ['=HYPERLINK("http://evil.example","click")', '@SUM(1+1)', '-2+3', '+cmd', 'plain, "quoted"\nnew line'];

/** RFC 4180 reader for the tests (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

describe('exports', () => {
  let testApp: TestApp;
  let server: App;
  let admin: SignedIn;
  let round: Consultation;
  const comments: Comment[] = [];
  let protectedAuthor: SignedIn;
  let raters: SignedIn[] = [];

  async function exportAndWait(who: SignedIn, body: Record<string, unknown>): Promise<ExportJob> {
    const created = await request(server).post('/api/v1/exports').set(who.auth).send(body).expect(202);
    expect(created.body.status).toBe('queued');
    const deadline = Date.now() + 30_000;
    for (;;) {
      const job = (await request(server).get(`/api/v1/exports/${created.body.id}`).set(who.auth).expect(200)).body as ExportJob;
      if (['done', 'failed', 'cancelled'].includes(job.status)) return job;
      if (Date.now() > deadline) throw new Error(`export still ${job.status}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  function download(url: string, who: SignedIn | undefined) {
    const call = request(server)
      .get(url)
      .buffer(true)
      .parse((response, callback) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => callback(null, Buffer.concat(chunks)));
      });
    if (who) call.set('Cookie', `${REFRESH_COOKIE}=${who.refreshToken}`);
    return call;
  }

  beforeAll(async () => {
    testApp = await createTestApp({ COMMENTS_PER_MINUTE: '100', XLSX_ROW_CAP: '7' }, { listen: true });
    server = testApp.app.getHttpServer();
    admin = await signIn(testApp, TEST_ADMIN.email, TEST_ADMIN.password);
    round = await openConsultation(testApp, admin, {
      title: 'Review "2027"\r\n../../etc/passwd \u202Egpj.exe',
      recommendationCodes: [REC, 'PC-2'],
    });
    const author = await signUpAndIn(testApp, { displayName: 'Visible Author' });
    for (const body of INJECTIONS) {
      comments.push(
        (
          await request(server)
            .post(`/api/v1/consultations/${round.id}/recommendations/${REC}/comments`)
            .set(author.auth)
            .send({ body, countryIso3: 'NPL' })
            .expect(201)
        ).body,
      );
    }
    protectedAuthor = await signUpAndIn(testApp, { displayName: 'Secret Real Name' });
    await request(server).patch('/api/v1/me').set(protectedAuthor.auth).send({ privacyMode: 'protected' }).expect(200);
    comments.push(
      (
        await request(server)
          .post(`/api/v1/consultations/${round.id}/recommendations/${REC}/comments`)
          .set(protectedAuthor.auth)
          .send({ body: 'My employer kept my passport <img src=http://169.254.169.254/latest/meta-data>' })
          .expect(201)
      ).body,
    );
    const hidden = (
      await request(server)
        .post(`/api/v1/consultations/${round.id}/recommendations/${REC}/comments`)
        .set(author.auth)
        .send({ body: 'Rude words here' })
        .expect(201)
    ).body;
    await request(server)
      .post('/api/v1/moderation/decisions')
      .set(admin.auth)
      .send({ commentId: hidden.id, action: 'hide', ruleCode: 'R1', reason: 'Insult' })
      .expect(201);
    comments.push(hidden);
    await request(server).put(`/api/v1/moderation/highlights/${comments[0]!.id}`).set(admin.auth).send({ highlighted: true }).expect(200);
    // Six raters for Nepal (a public cell), two for Sri Lanka (withheld).
    raters = [];
    for (let i = 0; i < 8; i++) raters.push(await signUpAndIn(testApp, { displayName: `Rater ${i}` }));
    for (const [index, rater] of raters.entries()) {
      const iso3 = index < 6 ? 'NPL' : 'LKA';
      await request(server)
        .put(`/api/v1/consultations/${round.id}/recommendations/${REC}/ratings/${iso3}`)
        .set(rater.auth)
        .send({ score: index % 5 })
        .expect(200);
    }
  }, 120_000);

  afterAll(() => testApp.close());

  it('exports comments as CSV: every submission counted, formulas neutralised, pseudonyms only, moderated text withheld', async () => {
    const job = await exportAndWait(admin, {
      dataset: 'comments',
      format: 'csv',
      privacy: 'public',
      filters: { consultationId: round.id },
      bom: true,
    });
    expect(job).toMatchObject({
      status: 'done',
      progress: 1,
      rowCount: comments.length,
      downloadUrl: expect.stringMatching(/^\/api\/v1\/exports\/download\/[A-Za-z0-9_-]{43}$/),
    });
    const response = await download(job.downloadUrl!, admin).expect(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    // A hostile round title cannot break the header or the path.
    const disposition = String(response.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="?review-2027-etc-passwd-gpj-exe-comments-public-\d{4}-\d{2}-\d{2}\.csv"?$/);
    const bytes = response.body as Buffer;
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(job.sha256);
    const text = bytes.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual(columnsFor(DATASETS.comments, 'public').map((column) => column.name));
    expect(rows).toHaveLength(comments.length);
    const [{ count }] = await testApp.dataSource.query(`SELECT count(*)::int AS count FROM comment WHERE consultation_id = $1`, [round.id]);
    expect(rows).toHaveLength(count);
    const body = header!.indexOf('body');
    const bodies = rows.map((row) => row[body]);
    expect(bodies).toEqual(
      expect.arrayContaining([
        `'=HYPERLINK("http://evil.example","click")`,
        "'@SUM(1+1)",
        "'-2+3",
        "'+cmd",
        'plain, "quoted"\nnew line',
        REDACTED,
      ]),
    );
    const byBody = new Map(rows.map((row) => [row[body], row]));
    const protectedRow = byBody.get(comments.at(-2)!.body)!;
    const authorKey = header!.indexOf('author_key');
    expect(protectedRow[authorKey]).toMatch(/^P-[0-9a-f]{12}$/);
    // No column tells a protected author apart, and no id the API resolves.
    expect(header).not.toEqual(
      expect.arrayContaining(['comment_id', 'author_stakeholder_type', 'author_organisation', 'author_country_iso3']),
    );
    expect(rows.every((row) => /^C-[0-9a-f]{12}$/.test(row[header!.indexOf('comment_key')]!))).toBe(true);
    for (const comment of comments) expect(text).not.toContain(comment.id);
    const visibleKeys = new Set(rows.filter((row) => row !== protectedRow).map((row) => row[authorKey]));
    expect(visibleKeys.has(protectedRow[authorKey])).toBe(false);
    expect(byBody.get(`'${comments[0]!.body}`)![header!.indexOf('highlighted')]).toBe('true');
    // No e-mail, account id or real name of a protected author anywhere.
    for (const secret of [protectedAuthor.email, protectedAuthor.user.id, 'Secret Real Name', admin.user.id])
      expect(text).not.toContain(secret);
  });

  it('serves a link once, to the session that asked, for 15 minutes, and to nobody else', async () => {
    const job = await exportAndWait(admin, {
      dataset: 'official',
      format: 'csv',
      privacy: 'public',
      filters: { consultationId: round.id },
    });
    await download(job.downloadUrl!, undefined).expect(401);
    const otherSession = await signIn(testApp, TEST_ADMIN.email, TEST_ADMIN.password);
    expect((await download(job.downloadUrl!, otherSession).expect(401)).body.toString()).toContain('DOWNLOAD_LINK_INVALID');
    await download(job.downloadUrl!, admin).expect(200);
    expect((await download(job.downloadUrl!, admin).expect(410)).body.toString()).toContain('DOWNLOAD_LINK_EXPIRED');
    const late = (await request(server).get(`/api/v1/exports/${job.id}`).set(admin.auth).expect(200)).body as ExportJob;
    await testApp.dataSource.query(
      `UPDATE export_download_link SET expires_at = now() - interval '1 second' WHERE token_hash = encode(sha256($1::bytea), 'hex')`,
      [late.downloadUrl!.split('/').pop()],
    );
    await download(late.downloadUrl!, admin).expect(410);
    await download('/api/v1/exports/download/not-a-token', admin).expect(401);
    // Another admin can neither read nor cancel it.
    const otherAdmin = await signUpAndIn(testApp);
    await request(server)
      .patch(`/api/v1/users/${otherAdmin.user.id}/roles`)
      .set(admin.auth)
      .send({ roles: ['admin'] })
      .expect(200);
    const other = await signIn(testApp, otherAdmin.email, otherAdmin.password);
    expect((await request(server).get(`/api/v1/exports/${job.id}`).set(other.auth).expect(404)).body.code).toBe('EXPORT_NOT_FOUND');
    await request(server).delete(`/api/v1/exports/${job.id}`).set(other.auth).expect(404);
    const participant = await signUpAndIn(testApp);
    await request(server)
      .post('/api/v1/exports')
      .set(participant.auth)
      .send({ dataset: 'comments', format: 'csv', privacy: 'public' })
      .expect(403);
  });

  it('re-running the same export gives byte-identical files; a new export gets new keys; ratings are published figures only', async () => {
    const first = await exportAndWait(admin, {
      dataset: 'comments',
      format: 'csv',
      privacy: 'public',
      filters: { consultationId: round.id },
    });
    await testApp.dataSource.query(`UPDATE export_job SET status = 'queued' WHERE id = $1`, [first.id]);
    await testApp.app.get(ExportRunner).run(first.id);
    const again = (await request(server).get(`/api/v1/exports/${first.id}`).set(admin.auth).expect(200)).body as ExportJob;
    expect(again.sha256).toBe(first.sha256);
    const second = await exportAndWait(admin, {
      dataset: 'comments',
      format: 'csv',
      privacy: 'public',
      filters: { consultationId: round.id },
    });
    const read = async (job: ExportJob) => parseCsv((await download(job.downloadUrl!, admin).expect(200)).body.toString('utf8'));
    const [header, ...rowsA] = await read(again);
    const [, ...rowsB] = await read(second);
    const key = header!.indexOf('author_key');
    expect(rowsA.map((row) => row[key])).not.toEqual(rowsB.map((row) => row[key]));
    expect(rowsA.map((row) => row[header!.indexOf('comment_key')])).not.toEqual(rowsB.map((row) => row[header!.indexOf('comment_key')]));
    // Ratings: the cells' published figures. Nepal's first five ratings are published (the sixth waits
    // for a batch); Sri Lanka's two are not, so it has no row at all.
    const ratings = await exportAndWait(admin, {
      dataset: 'ratings',
      format: 'csv',
      privacy: 'public',
      filters: { consultationId: round.id },
    });
    const [ratingsHeader, ...ratingRows] = await read(ratings);
    expect(ratingsHeader).toEqual(columnsFor(DATASETS.ratings, 'public').map((column) => column.name));
    const column = (name: string) => ratingsHeader!.indexOf(name);
    expect(ratingRows.map((row) => [row[column('country_iso3')], row[column('rater_group')]])).toEqual([
      ['NPL', 'all'],
      ['NPL', 'individual'],
    ]);
    const all = ratingRows[0]!;
    expect([0, 1, 2, 3, 4].map((score) => all[column(`score_${score}`)])).toEqual(['1', '1', '1', '1', '1']);
    expect(all[column('raters')]).toBe('5');
    expect(all[column('median')]).toBe('2');
    expect(all[column('dont_know')]).toBe('');
    expect(ratingRows[1]![column('score_0')]).toBe('');
    const raw = ratingRows.flat().join(',');
    for (const rater of raters) expect(raw).not.toContain(rater.user.id);
  });

  it('writes XLSX and NDJSON with the same rows, never as formulas', async () => {
    const xlsx = await exportAndWait(admin, {
      dataset: 'comments',
      format: 'xlsx',
      privacy: 'public',
      filters: { consultationId: round.id },
    });
    const file = (await download(xlsx.downloadUrl!, admin).expect(200)).body as Buffer;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(comments.length + 1);
    const values: unknown[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => values.push(cell.value)));
    expect(values.some((value) => typeof value === 'object' && value !== null && 'formula' in value)).toBe(false);
    expect(values).toContain(`'=HYPERLINK("http://evil.example","click")`);

    const ndjson = await exportAndWait(admin, {
      dataset: 'comments',
      format: 'ndjson',
      privacy: 'public',
      filters: { consultationId: round.id },
    });
    const lines = (await download(ndjson.downloadUrl!, admin).expect(200)).body.toString('utf8').trim().split('\n');
    expect(lines).toHaveLength(comments.length);
    expect(Object.keys(JSON.parse(lines[0]!))).toEqual(columnsFor(DATASETS.comments, 'public').map((column) => column.name));
    expect(
      (
        await request(server)
          .post('/api/v1/exports')
          .set(admin.auth)
          .send({ dataset: 'pack', format: 'csv', privacy: 'public' })
          .expect(422)
      ).body.code,
    ).toBe('EXPORT_FORMAT_UNSUPPORTED');
    // Above the XLSX row cap (7 here; 250,000 by default) the job is refused with a code, not run out of memory.
    const tooBig = await exportAndWait(admin, {
      dataset: 'ratings',
      format: 'xlsx',
      privacy: 'full',
      filters: { consultationId: round.id },
    });
    expect(tooBig).toMatchObject({ status: 'failed', error: 'EXPORT_FORMAT_UNSUPPORTED', fileName: null });
    expect(tooBig.downloadUrl).toBeUndefined();
  });

  it('packs every dataset with a codebook covering every column and a SHA-256 manifest', async () => {
    const job = await exportAndWait(admin, { dataset: 'pack', format: 'zip', privacy: 'public', filters: { consultationId: round.id } });
    const zip = await JSZip.loadAsync((await download(job.downloadUrl!, admin).expect(200)).body as Buffer);
    const names = Object.keys(zip.files).sort();
    expect(names).toEqual([...TABLE_DATASETS.map((name) => `${name}.csv`), 'README.md', 'codebook.md', 'manifest.sha256'].sort());
    const codebook = await zip.file('codebook.md')!.async('string');
    // The stakeholder type codes the files use, with the catalogue's labels and sides.
    expect(codebook).toContain('| `individual` | Individual | civil-society |');
    expect(codebook).toContain('| `migrant` | Migrant (speaking for myself) | civil-society |');
    expect(codebook).toContain('| `returnee` | Returned migrant | civil-society |');
    expect(codebook).toContain('| `migrant-family` | Family member of a migrant | civil-society |');
    expect(codebook).toContain('| `government` | Government | government |');
    for (const name of TABLE_DATASETS) {
      const [header] = parseCsv(await zip.file(`${name}.csv`)!.async('string'));
      expect(header).toEqual(columnsFor(DATASETS[name], 'public').map((column) => column.name));
      for (const column of header!) expect(codebook).toContain(`| \`${column}\` |`);
    }
    const manifest = (await zip.file('manifest.sha256')!.async('string')).trim().split('\n');
    expect(manifest).toHaveLength(names.length - 1);
    for (const line of manifest) {
      const [hash, name] = line.split('  ');
      expect(
        createHash('sha256')
          .update(await zip.file(name!)!.async('nodebuffer'))
          .digest('hex'),
      ).toBe(hash);
    }
    expect(job.rowCount).toBeGreaterThan(comments.length);
  });

  it('writes the pack’s README and codebook in the language of the person who asks, the data unchanged', async () => {
    const english = await JSZip.loadAsync(
      (
        await download(
          (await exportAndWait(admin, { dataset: 'pack', format: 'zip', privacy: 'public', filters: { consultationId: round.id } }))
            .downloadUrl!,
          admin,
        ).expect(200)
      ).body as Buffer,
    );
    for (const [locale, script] of [
      ['ar', /[\u0600-\u06FF]/],
      ['th', /[\u0E00-\u0E7F]/],
    ] as const) {
      const job = await exportAndWait(admin, {
        dataset: 'pack',
        format: 'zip',
        privacy: 'public',
        filters: { consultationId: round.id },
        locale,
      });
      const zip = await JSZip.loadAsync((await download(job.downloadUrl!, admin).expect(200)).body as Buffer);
      const readme = await zip.file('README.md')!.async('string');
      const codebook = await zip.file('codebook.md')!.async('string');
      expect({ locale, readme: script.test(readme), codebook: script.test(codebook) }).toEqual({ locale, readme: true, codebook: true });
      // Nothing left to fill in, and the machine-readable parts as in English: column names, codes, the files.
      expect(`${readme}${codebook}`).not.toMatch(/\{\{\w+\}\}/);
      for (const name of TABLE_DATASETS) {
        for (const column of columnsFor(DATASETS[name], 'public')) expect(codebook).toContain(`| \`${column.name}\` | ${column.type} |`);
        // The same rows under the same header (keys differ: each export draws its own).
        const [header, ...rows] = parseCsv(await zip.file(`${name}.csv`)!.async('string'));
        const [englishHeader, ...englishRows] = parseCsv(await english.file(`${name}.csv`)!.async('string'));
        expect({ name, header, rows: rows.length }).toEqual({ name, header: englishHeader, rows: englishRows.length });
      }
      expect(codebook).toContain('| `migrant` |');
      expect(readme).toContain(job.id);
    }
    // Asked without a language, in the Accept-Language of the request; the public codebook takes ?locale=.
    const created = await request(server)
      .post('/api/v1/exports')
      .set(admin.auth)
      .set('Accept-Language', 'th-TH,th;q=0.9')
      .send({ dataset: 'pack', format: 'zip', privacy: 'public', filters: { consultationId: round.id } })
      .expect(202);
    const [{ locale }] = await testApp.dataSource.query(`SELECT locale FROM export_job WHERE id = $1`, [created.body.id]);
    expect(locale).toBe('th');
  });

  it('renders the PDF report on the server, without fetching anything a comment points at', async () => {
    const job = await exportAndWait(admin, { dataset: 'report', format: 'pdf', privacy: 'public', filters: { consultationId: round.id } });
    const pdf = (await download(job.downloadUrl!, admin).expect(200)).body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5_000);
    expect(pdf.toString('latin1')).not.toContain('169.254.169.254');
  });

  it('audit-logs full exports, which carry account ids', async () => {
    const job = await exportAndWait(admin, {
      dataset: 'comments',
      format: 'ndjson',
      privacy: 'full',
      filters: { consultationId: round.id },
    });
    const first = JSON.parse((await download(job.downloadUrl!, admin).expect(200)).body.toString('utf8').split('\n')[0]!);
    expect(Object.keys(first)).toEqual(expect.arrayContaining(['author_account_id', 'author_display_name', 'author_protected']));
    const [entry] = await testApp.dataSource.query(
      `SELECT actor_id AS "actorId", details FROM audit_event WHERE action = 'export.full_requested' AND target_id = $1`,
      [job.id],
    );
    expect(entry).toMatchObject({ actorId: admin.user.id, details: { dataset: 'comments', privacy: 'full' } });
  });

  it('limits exports in flight per person and cancels a queued one', async () => {
    const busy = await signUpAndIn(testApp);
    await request(server)
      .patch(`/api/v1/users/${busy.user.id}/roles`)
      .set(admin.auth)
      .send({ roles: ['admin'] })
      .expect(200);
    const person = await signIn(testApp, busy.email, busy.password);
    // Three waiting jobs that no worker was told about.
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const [row] = await testApp.dataSource.query(
        `INSERT INTO export_job (requested_by, dataset, format, privacy, pseudonym_seed) VALUES ($1, 'comments', 'csv', 'public', 'aa') RETURNING id`,
        [person.user.id],
      );
      ids.push(row.id);
    }
    const refused = await request(server)
      .post('/api/v1/exports')
      .set(person.auth)
      .send({ dataset: 'comments', format: 'csv', privacy: 'public' })
      .expect(429);
    expect(refused.body.code).toBe('TOO_MANY_REQUESTS');
    expect(refused.headers['retry-after']).toBeDefined();
    await request(server).delete(`/api/v1/exports/${ids[0]}`).set(person.auth).expect(204);
    expect((await request(server).get(`/api/v1/exports/${ids[0]}`).set(person.auth).expect(200)).body.status).toBe('cancelled');
    expect((await request(server).delete(`/api/v1/exports/${ids[0]}`).set(person.auth).expect(409)).body.code).toBe('EXPORT_FINISHED');
    await request(server)
      .post('/api/v1/exports')
      .set(person.auth)
      .send({ dataset: 'recommendations', format: 'csv', privacy: 'public' })
      .expect(202);
  });

  it('publishes a closed round’s pack on the open-data page', async () => {
    expect(
      (
        await request(server)
          .post('/api/v1/exports')
          .set(admin.auth)
          .send({ dataset: 'pack', format: 'zip', privacy: 'public', filters: { consultationId: round.id }, publish: true })
          .expect(422)
      ).body.code,
    ).toBe('VALIDATION_FAILED');
    await request(server).patch(`/api/v1/consultations/${round.id}`).set(admin.auth).send({ status: 'closed' }).expect(200);
    const job = await exportAndWait(admin, {
      dataset: 'pack',
      format: 'zip',
      privacy: 'public',
      filters: { consultationId: round.id },
      publish: true,
    });
    expect(job.status).toBe('done');
    const list = (await request(server).get('/api/v1/open-data').expect(200)).body.items;
    expect(list).toEqual([
      expect.objectContaining({
        consultationId: round.id,
        sha256: job.sha256,
        rowCounts: expect.objectContaining({ comments: comments.length }),
      }),
    ]);
    const pack = await download(list[0].downloadUrl, undefined).expect(200);
    expect(
      createHash('sha256')
        .update(pack.body as Buffer)
        .digest('hex'),
    ).toBe(job.sha256);
    const codebook = await request(server).get(list[0].codebookUrl).expect(200);
    expect(codebook.text).toContain('## comments.csv');
    await request(server).get('/api/v1/open-data/00000000-0000-4000-8000-000000000000/pack').expect(404);
    // Files live under EXPORT_DIR/<id>/.
    expect(readFileSync(join(testApp.dataDir, 'exports', job.id, job.fileName!)).length).toBe(job.sizeBytes);

    // A pack published in the old layout (one pseudonym per account across datasets, resolvable
    // ids) is withdrawn at once on start and made again in the new one.
    await testApp.dataSource.query(`UPDATE export_job SET format_version = 1 WHERE id = $1`, [job.id]);
    expect((await request(server).get('/api/v1/open-data').expect(200)).body.items).toEqual([]);
    const queued = await regenerateOutdatedOpenData(testApp.app.get(ExportsRepository), join(testApp.dataDir, 'exports'));
    expect(queued).toHaveLength(1);
    expect(existsSync(join(testApp.dataDir, 'exports', job.id))).toBe(false);
    expect((await request(server).get(`/api/v1/exports/${job.id}`).set(admin.auth).expect(200)).body).toMatchObject({
      status: 'failed',
      error: 'SUPERSEDED',
    });
    expect(await regenerateOutdatedOpenData(testApp.app.get(ExportsRepository), join(testApp.dataDir, 'exports'))).toEqual([]);
    await testApp.app.get(ExportRunner).run(queued[0]!);
    const regenerated = (await request(server).get('/api/v1/open-data').expect(200)).body.items;
    expect(regenerated).toEqual([expect.objectContaining({ consultationId: round.id })]);
    expect(regenerated[0].sha256).not.toBe(job.sha256);
  });

  it('serves dashboard aggregates from published figures only', async () => {
    const dashboard = (await request(server).get('/api/v1/dashboard').query({ consultationId: round.id }).expect(200)).body as Dashboard;
    // Nepal's first five ratings are published; Sri Lanka's two are not, so it is not there at all.
    expect(dashboard.heatmap).toEqual([{ principleCode: 'PC', countryIso3: 'NPL', n: 5, median: 2, suppressed: false }]);
    expect(dashboard.distributions.find((d) => d.recommendationCode === REC)).toMatchObject({
      n: 5,
      counts: { '0': 1, '1': 1, '2': 1, '3': 1, '4': 1, dontKnow: null },
    });
    expect(dashboard.participation.reduce((sum, row) => sum + row.people, 0)).toBeGreaterThanOrEqual(5);
    await request(server).get('/api/v1/dashboard').query({ objectiveNumber: 99 }).expect(400);
    await request(server).get('/api/v1/dashboard').query({ stakeholderType: 'x;drop' }).expect(400);
  });
  it('tells migrants’ own ratings apart: their type and side in full rows, their group in published figures and participation', async () => {
    // A round of its own, so the other tests' figures stay as they are.
    const migrantRound = await openConsultation(testApp, admin, {
      title: 'Migrants speaking for themselves',
      recommendationCodes: ['PC-3'],
    });
    const cell = { consultationId: migrantRound.id, recommendationCode: 'PC-3', countryIso3: 'PHL' };
    await rate(testApp, await quickParticipants(testApp, 5, { stakeholderType: 'migrant' }), cell, [1, 2, 2, 3, 1]);
    // A sixth migrant, who said so at sign-up: in the full rows at once, in the published figures with the next batch.
    const rina = await signUpAndIn(testApp, { displayName: 'Rina', stakeholderType: 'migrant' });
    expect(rina.user.stakeholderType).toBe('migrant');
    await request(server)
      .put(`/api/v1/consultations/${migrantRound.id}/recommendations/PC-3/ratings/PHL`)
      .set(rina.auth)
      .send({ score: 4 })
      .expect(200);
    const read = async (job: ExportJob) => {
      expect(job.status).toBe('done');
      const [header, ...rows] = parseCsv((await download(job.downloadUrl!, admin).expect(200)).body.toString('utf8'));
      return rows.map((row) => Object.fromEntries(header!.map((name, index) => [name, row[index]])));
    };

    const full = await read(
      await exportAndWait(admin, {
        dataset: 'ratings',
        format: 'csv',
        privacy: 'full',
        filters: { consultationId: migrantRound.id, stakeholderType: 'migrant' },
      }),
    );
    expect(full).toHaveLength(6);
    for (const row of full)
      expect(row).toMatchObject({ country_iso3: 'PHL', rater_stakeholder_type: 'migrant', rater_side: 'civil-society' });
    expect(full.find((row) => row.rater_account_id === rina.user.id)).toMatchObject({ score: '4' });

    const published = await read(
      await exportAndWait(admin, { dataset: 'ratings', format: 'csv', privacy: 'public', filters: { consultationId: migrantRound.id } }),
    );
    expect(published.map((row) => [row.country_iso3, row.rater_group, row.raters, row.median])).toEqual([
      ['PHL', 'all', '5', '2'],
      ['PHL', 'migrant', '5', '2'],
    ]);

    const participation = await read(
      await exportAndWait(admin, {
        dataset: 'participation',
        format: 'csv',
        privacy: 'public',
        filters: { consultationId: migrantRound.id },
      }),
    );
    expect(participation.map((row) => [row.stakeholder_type, row.country_iso3, row.people, row.ratings])).toEqual([
      ['migrant', 'PHL', '5', '5'],
    ]);
  });
});
