import request from 'supertest';
import type { App } from 'supertest/types.js';
import { ActingIdentityService } from '../src/modules/accounts/acting-identity.service.js';
import { signIn, signUpAndIn, type SignedIn } from './support/accounts.js';
import { TEST_ADMIN, createTestApp, type TestApp } from './support/test-app.js';

describe('organisations, roles and the audit log', () => {
  let testApp: TestApp;
  let server: App;
  let admin: SignedIn;

  beforeAll(async () => {
    testApp = await createTestApp();
    server = testApp.app.getHttpServer();
    admin = await signIn(testApp, TEST_ADMIN.email, TEST_ADMIN.password);
  });

  afterAll(() => testApp.close());

  async function register(owner: SignedIn, name: string, stakeholderType = 'migrant-organisation', countryIso3 = 'NPL') {
    const response = await request(server)
      .post('/api/v1/organisations')
      .set(owner.auth)
      .send({ name, stakeholderType, countryIso3, website: 'https://example.org' })
      .expect(201);
    return response.body as { id: string; verified: boolean };
  }

  it('bootstraps the admin from ADMIN_EMAIL and ADMIN_PASSWORD, verified', () => {
    expect(admin.user).toMatchObject({ email: TEST_ADMIN.email, emailVerified: true });
    expect(admin.user.roles).toEqual(expect.arrayContaining(['admin', 'participant']));
  });

  it('registers an organisation with its creator as admin; a name is reserved only once the secretariat verifies it', async () => {
    const owner = await signUpAndIn(testApp);
    const organisation = await register(owner, 'Pravasi Nepali Coordination Committee');
    expect(organisation).toMatchObject({ verified: false });
    const me = await request(server).get('/api/v1/me').set(owner.auth).expect(200);
    expect(me.body.memberships).toEqual([
      {
        organisationId: organisation.id,
        organisationName: 'Pravasi Nepali Coordination Committee',
        role: 'admin',
        status: 'active',
        stakeholderType: 'migrant-organisation',
        countryIso3: 'NPL',
        organisationVerified: false,
      },
    ]);
    // Registering first does not squat a name: the real body can register too, and the secretariat verifies one of them.
    const squatter = await signUpAndIn(testApp);
    const rival = await register(squatter, 'PRAVASI nepali coordination committee', 'civil-society', 'NPL');
    await request(server).post(`/api/v1/organisations/${organisation.id}/verify`).set(admin.auth).expect(200);
    const clash = await request(server).post(`/api/v1/organisations/${rival.id}/verify`).set(admin.auth).expect(409);
    expect(clash.body.code).toBe('ORGANISATION_EXISTS');
    const duplicate = await request(server)
      .post('/api/v1/organisations')
      .set(squatter.auth)
      .send({ name: 'pravasi NEPALI coordination committee', stakeholderType: 'civil-society', countryIso3: 'NPL' })
      .expect(409);
    expect(duplicate.body.code).toBe('ORGANISATION_EXISTS');
    await register(owner, 'Pravasi Nepali Coordination Committee', 'civil-society', 'MYS');
  });

  it('refuses bad organisation input with 400', async () => {
    const owner = await signUpAndIn(testApp);
    for (const body of [
      { name: 'X', stakeholderType: 'civil-society', countryIso3: 'NPL' },
      { name: 'Valid name', stakeholderType: 'cartel', countryIso3: 'NPL' },
      { name: 'Valid name', stakeholderType: 'civil-society', countryIso3: 'npl' },
      { name: 'Valid name', stakeholderType: 'civil-society', countryIso3: 'NPL', website: 'javascript:alert(1)' },
      { name: 'Valid name', stakeholderType: 'civil-society', countryIso3: 'NPL', verified: true },
    ]) {
      const response = await request(server).post('/api/v1/organisations').set(owner.auth).send(body).expect(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
    }
    const unknownCountry = await request(server)
      .post('/api/v1/organisations')
      .set(owner.auth)
      .send({ name: 'Valid name', stakeholderType: 'civil-society', countryIso3: 'XXX' })
      .expect(400);
    expect(unknownCountry.body.code).toBe('COUNTRY_NOT_FOUND');
  });

  it('runs the membership flow: request, visible only to the organisation’s admins, accept, leave; the last admin stays', async () => {
    const owner = await signUpAndIn(testApp);
    const applicant = await signUpAndIn(testApp, { displayName: 'Applicant' });
    const outsider = await signUpAndIn(testApp);
    const organisation = await register(owner, `Union ${owner.user.id}`, 'trade-union', 'PHL');
    await request(server).post(`/api/v1/organisations/${organisation.id}/join`).set(applicant.auth).expect(202, { status: 'pending' });
    const again = await request(server).post(`/api/v1/organisations/${organisation.id}/join`).set(applicant.auth).expect(409);
    expect(again.body.code).toBe('ALREADY_MEMBER');

    await request(server).get(`/api/v1/organisations/${organisation.id}/members`).set(outsider.auth).expect(403);
    await request(server)
      .post(`/api/v1/organisations/${organisation.id}/members/${applicant.user.id}/accept`)
      .set(applicant.auth)
      .expect(403);
    const members = await request(server).get(`/api/v1/organisations/${organisation.id}/members`).set(owner.auth).expect(200);
    expect(members.body.items.map((m: { displayName: string; status: string }) => [m.displayName, m.status])).toEqual(
      expect.arrayContaining([['Applicant', 'pending']]),
    );
    expect(JSON.stringify(members.body)).not.toContain('@');

    // A pending member cannot act for the organisation yet.
    const early = await request(server).patch('/api/v1/me').set(applicant.auth).send({ actingOrganisationId: organisation.id }).expect(400);
    expect(early.body.code).toBe('NOT_A_MEMBER');
    await request(server).post(`/api/v1/organisations/${organisation.id}/members/${applicant.user.id}/accept`).set(owner.auth).expect(200);
    await request(server).patch('/api/v1/me').set(applicant.auth).send({ actingOrganisationId: organisation.id }).expect(200);

    const acting = testApp.app.get(ActingIdentityService);
    expect(await acting.resolve(applicant.user.id)).toMatchObject({
      stakeholderType: 'trade-union',
      organisationId: organisation.id,
      countryIso3: 'PHL',
      organisationVerified: false,
      protected: false,
    });
    expect(await acting.resolve(applicant.user.id, null)).toMatchObject({ stakeholderType: 'individual', organisationId: null });
    await expect(acting.resolve(outsider.user.id, organisation.id)).rejects.toMatchObject({ code: 'NOT_A_MEMBER' });

    await request(server).delete(`/api/v1/organisations/${organisation.id}/members/${applicant.user.id}`).set(applicant.auth).expect(204);
    expect((await request(server).get('/api/v1/me').set(applicant.auth)).body.actingOrganisationId).toBeNull();
    expect(await acting.resolve(applicant.user.id)).toMatchObject({ organisationId: null, stakeholderType: 'individual' });
    const lastAdmin = await request(server)
      .delete(`/api/v1/organisations/${organisation.id}/members/${owner.user.id}`)
      .set(owner.auth)
      .expect(409);
    expect(lastAdmin.body.code).toBe('LAST_ADMIN');
  });

  it('shows a protected member to the organisation’s admins only as an alias of the membership, decided by its id', async () => {
    const owner = await signUpAndIn(testApp);
    const hidden = await signUpAndIn(testApp, { displayName: 'Hidden Applicant' });
    const visible = await signUpAndIn(testApp, { displayName: 'Visible Applicant' });
    const { pseudonym } = (await request(server).patch('/api/v1/me').set(hidden.auth).send({ privacyMode: 'protected' }).expect(200)).body;
    const organisation = await register(owner, `Shelter ${owner.user.id}`, 'civil-society', 'MYS');
    const members = `/api/v1/organisations/${organisation.id}/members`;
    for (const who of [hidden, visible])
      await request(server).post(`/api/v1/organisations/${organisation.id}/join`).set(who.auth).expect(202);

    type Member = { memberId: string; userId: string | null; displayName: string; role: string; status: string };
    const listed = (await request(server).get(members).set(owner.auth).expect(200)).body.items as Member[];
    const alias = listed.find((member) => member.userId === null)!;
    expect(alias).toMatchObject({
      memberId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      displayName: expect.stringMatching(/^Protected member [0-9A-Z]{4}$/),
      role: 'member',
      status: 'pending',
    });
    expect(listed.find((member) => member.displayName === 'Visible Applicant')).toMatchObject({
      userId: visible.user.id,
      memberId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(new Set(listed.map((member) => member.memberId)).size).toBe(3);
    // The alias is the membership's, stable, and shows nothing of the account, its name or its pseudonym — to the secretariat either.
    const forSecretariat = (await request(server).get(members).set(admin.auth).expect(200)).body.items as Member[];
    expect(forSecretariat.find((member) => member.memberId === alias.memberId)).toEqual(alias);
    for (const text of [JSON.stringify(listed), JSON.stringify(forSecretariat)]) {
      for (const secret of [hidden.user.id, 'Hidden Applicant', pseudonym]) expect(text).not.toContain(secret);
    }

    // The protected member's account id opens nothing for anyone else; the membership id does.
    for (const call of [
      request(server).post(`${members}/${hidden.user.id}/accept`),
      request(server).delete(`${members}/${hidden.user.id}`),
    ]) {
      expect((await call.set(owner.auth).expect(404)).body.code).toBe('MEMBERSHIP_NOT_FOUND');
    }
    const accepted = await request(server).post(`${members}/${alias.memberId}/accept`).set(owner.auth).expect(200);
    expect(accepted.body).toEqual({ ...alias, status: 'active' });
    expect((await request(server).get('/api/v1/me').set(hidden.auth).expect(200)).body.memberships).toEqual([
      expect.objectContaining({ organisationId: organisation.id, status: 'active' }),
    ]);
    const visibleId = listed.find((member) => member.userId === visible.user.id)!.memberId;
    await request(server).post(`${members}/${visibleId}/accept`).set(owner.auth).expect(200);
    await request(server).delete(`${members}/${alias.memberId}`).set(visible.auth).expect(403);
    await request(server).delete(`${members}/${alias.memberId}`).set(owner.auth).expect(204);
    expect((await request(server).get('/api/v1/me').set(hidden.auth).expect(200)).body.memberships).toEqual([]);

    // Asked again, accepted again: a new membership, a new alias; and the member may leave by their own account id.
    await request(server).post(`/api/v1/organisations/${organisation.id}/join`).set(hidden.auth).expect(202);
    const again = ((await request(server).get(members).set(owner.auth).expect(200)).body.items as Member[]).find(
      (member) => member.userId === null,
    )!;
    expect(again.memberId).not.toBe(alias.memberId);
    await request(server).post(`${members}/${again.memberId}/accept`).set(owner.auth).expect(200);
    await request(server).delete(`${members}/${hidden.user.id}`).set(hidden.auth).expect(204);
    expect(
      (await request(server).get(members).set(owner.auth).expect(200)).body.items.map((member: Member) => member.displayName).sort(),
    ).toEqual([owner.user.displayName, 'Visible Applicant'].sort());
  });

  it('lets only the secretariat verify an organisation, and logs it', async () => {
    const owner = await signUpAndIn(testApp);
    const organisation = await register(owner, `Ministry ${owner.user.id}`, 'government', 'IDN');
    await request(server).post(`/api/v1/organisations/${organisation.id}/verify`).set(owner.auth).expect(403);
    const verified = await request(server).post(`/api/v1/organisations/${organisation.id}/verify`).set(admin.auth).expect(200);
    expect(verified.body.verified).toBe(true);
    const [entry] = await testApp.dataSource.query(`SELECT actor_id, action FROM audit_event WHERE target_id = $1`, [organisation.id]);
    expect(entry).toEqual({ actor_id: admin.user.id, action: 'organisation.verified' });
    const listed = await request(server).get('/api/v1/organisations').query({ q: 'Ministry' }).expect(200);
    const text = JSON.stringify(listed.body);
    expect(text).not.toMatch(/created_?[bB]y|verified_?[bB]y|@/);
  });

  it('lets only admins change roles, always keeps "participant", logs before and after, and keeps one admin', async () => {
    const person = await signUpAndIn(testApp);
    await request(server)
      .patch(`/api/v1/users/${person.user.id}/roles`)
      .set(person.auth)
      .send({ roles: ['admin'] })
      .expect(403);
    const updated = await request(server)
      .patch(`/api/v1/users/${person.user.id}/roles`)
      .set(admin.auth)
      .send({ roles: ['moderator', 'safeguarding'] })
      .expect(200);
    expect(updated.body.roles.sort()).toEqual(['moderator', 'participant', 'safeguarding']);
    const [entry] = await testApp.dataSource.query(
      `SELECT details FROM audit_event WHERE action = 'user.roles_changed' AND target_id = $1`,
      [person.user.id],
    );
    expect(entry.details).toEqual({ before: ['participant'], after: ['participant', 'moderator', 'safeguarding'] });
    for (const roles of [[], ['king'], 'admin', ['admin', 'admin']]) {
      await request(server).patch(`/api/v1/users/${person.user.id}/roles`).set(admin.auth).send({ roles }).expect(400);
    }
    const users = await request(server).get('/api/v1/users').query({ q: person.email }).set(admin.auth).expect(200);
    expect(users.body.items).toEqual([expect.objectContaining({ id: person.user.id, email: person.email })]);
    const lastAdmin = await request(server)
      .patch(`/api/v1/users/${admin.user.id}/roles`)
      .set(admin.auth)
      .send({ roles: ['participant'] })
      .expect(409);
    expect(lastAdmin.body.code).toBe('LAST_ADMIN');
    const unknown = await request(server)
      .patch(`/api/v1/users/00000000-0000-4000-8000-000000000000/roles`)
      .set(admin.auth)
      .send({ roles: ['moderator'] })
      .expect(404);
    expect(unknown.body.code).toBe('USER_NOT_FOUND');
  });

  it('keeps the audit log append-only and detects tampering', async () => {
    const ok = await request(server).get('/api/v1/audit/verify').set(admin.auth).expect(200);
    expect(ok.body).toMatchObject({ ok: true, firstBrokenId: null });
    expect(ok.body.entries).toBeGreaterThan(0);
    await expect(testApp.dataSource.query(`UPDATE audit_event SET action = 'nothing happened'`)).rejects.toThrow(/append-only/);
    await expect(testApp.dataSource.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
    // Someone with the database owner's powers switches the guard off and edits history: the chain shows it.
    const [first] = await testApp.dataSource.query(`SELECT id::text FROM audit_event ORDER BY id LIMIT 1`);
    await testApp.dataSource.query(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete`);
    await testApp.dataSource.query(`UPDATE audit_event SET details = '{"forged":true}' WHERE id = $1`, [first.id]);
    await testApp.dataSource.query(`ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_delete`);
    const broken = await request(server).get('/api/v1/audit/verify').set(admin.auth).expect(200);
    expect(broken.body).toMatchObject({ ok: false, firstBrokenId: first.id });
  });
});
