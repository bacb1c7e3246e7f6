import type { Comment, CreateCommentRequest, Rating, ThreadEvents } from '@compact-voices/contracts';
import { jest } from '@jest/globals';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { HandshakeAuth } from '../../lib/live/live-connection';
import { authSession } from '../../lib/auth-session';
import { initI18n } from '../../lib/i18n';
import { ROUND_ID, comment, nepal, nepalSummary, pc1Detail, philippines, round, suppressedSummary } from '../../test/consultation-fixtures';
import { FakeSocket, type JoinAnswer } from '../../test/fake-socket';
import { participant } from '../../test/fixtures';
import { errorReply, mockApi, type MockApi, type MockRoutes } from '../../test/mock-api';
import { renderApp } from '../../test/render-app';

// The thread page loads socket.io-client on demand: here it gets an in-memory socket instead.
const sockets: FakeSocket[] = [];
let nextJoinAnswer: JoinAnswer = { ok: true, lastSeq: 0 };
jest.unstable_mockModule('socket.io-client', () => ({
  io: (_namespace: string, options: { auth: HandshakeAuth }) => {
    const socket = new FakeSocket(options.auth);
    socket.joinAnswer = nextJoinAnswer;
    sockets.push(socket);
    return socket;
  },
}));

const THREAD = `/api/v1/consultations/${ROUND_ID}/recommendations/PC-1`;
const PAGE_URL = `/consultations/${ROUND_ID}/recommendations/PC-1`;
/** A participant whose profile says Nepal, one of the round's countries. */
const nepali = { ...participant, countryIso3: 'NPL' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function routes(overrides: MockRoutes = {}, comments: Comment[] = []): MockRoutes {
  return {
    [`/api/v1/consultations/${ROUND_ID}`]: { body: round },
    '/api/v1/recommendations/PC-1': { body: pc1Detail },
    '/api/v1/countries': { body: { items: [philippines, nepal] } },
    [`${THREAD}/comments?sort=newest&limit=20`]: { body: { items: comments, nextCursor: null } },
    [`${THREAD}/ratings/summary?country=NPL`]: { body: nepalSummary },
    [`${THREAD}/ratings/summary?country=PHL`]: { body: suppressedSummary },
    [`${THREAD}/ratings/mine`]: { body: { items: [] } },
    '/api/v1/me': { body: participant },
    ...overrides,
  };
}

async function liveSocket(): Promise<FakeSocket> {
  await screen.findByText('Live: new comments appear here as they are posted.');
  return sockets.at(-1)!;
}

function announcements(): string {
  return document.querySelector('.live-announcements')?.textContent ?? '';
}

describe('thread page', () => {
  let api: MockApi;

  beforeAll(() => initI18n('en'));
  beforeEach(() => {
    sockets.length = 0;
    nextJoinAnswer = { ok: true, lastSeq: 0 };
  });
  afterEach(() => {
    cleanup();
    api.restore();
    authSession.clear();
  });

  it('is read-only for a signed-out visitor, and applies live events: once per comment, announced, a gap caught up in order', async () => {
    const first = comment({
      id: 'c-1',
      body: 'Recruitment fees are still charged.',
      bodyHtml: '<p>Recruitment fees are still charged.</p>',
    });
    const second = comment({
      id: 'c-2',
      body: 'The new law helps.',
      bodyHtml: '<p>The new law helps.</p>',
      author: {
        displayName: 'Bashir Ahmed',
        stakeholderType: 'trade-union',
        organisation: { id: 'o-1', name: 'Workers Union', verified: true },
        countryIso3: 'NPL',
      },
      stance: 'supports',
      countryIso3: 'NPL',
    });
    const reply = comment({
      id: 'c-3',
      parentId: 'c-1',
      depth: 1,
      body: 'Which agencies?',
      bodyHtml: '<p>Which agencies?</p>',
      author: { displayName: 'Quiet Heron 42' },
    });
    const secondEdited = {
      ...second,
      body: 'The new law helps a little.',
      bodyHtml: '<p>The new law helps a little.</p>',
      editedAt: '2026-02-01T11:00:00.000Z',
    };
    const missed: ThreadEvents = {
      // The answer lists them out of order; they are applied by seq.
      items: [
        { seq: 5, type: 'reactions.updated', payload: { commentId: 'c-1', reactions: { agree: 2, disagree: 1 } } },
        { seq: 4, type: 'comment.created', payload: reply },
        { seq: 6, type: 'comment.updated', payload: secondEdited },
      ],
      lastSeq: 6,
    };
    nextJoinAnswer = { ok: true, lastSeq: 2 };
    api = mockApi(routes({ [`${THREAD}/events?after=3&limit=200`]: { body: missed } }, [first]));
    renderApp(PAGE_URL, { user: null });

    expect(await screen.findByRole('heading', { level: 1, name: /Regional review 2027.*Recommendation\W+PC-1/ })).toBeTruthy();
    expect(await screen.findByText('Recruitment fees are still charged.')).toBeTruthy();
    const signIn = screen.getByRole('link', { name: 'sign in to take part' });
    expect(signIn.getAttribute('href')).toBe(`/sign-in?next=${encodeURIComponent(PAGE_URL)}`);
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('button', { name: /Agree/ })).toBeNull();

    const socket = await liveSocket();
    expect(socket.handshakes).toEqual([undefined]); // anonymous: read-only
    act(() => socket.serverEmit('presence', { count: 2 }));
    expect(screen.getByText('2 people are here now')).toBeTruthy();

    // A new comment arrives: shown at the top (newest first) and announced, without moving focus.
    const focused = document.activeElement;
    act(() => socket.serverEmit('comment.created', { ...second, seq: 3 }));
    expect(await screen.findByText('The new law helps.')).toBeTruthy();
    expect(announcements()).toContain('New comment from Bashir Ahmed');
    expect(document.activeElement).toBe(focused);
    const list = screen.getByRole('list', { name: 'Comments' });
    expect(
      within(list)
        .getAllByRole('article')
        .map((article) => article.getAttribute('aria-labelledby')),
    ).toEqual(['comment-c-2-author', 'comment-c-1-author']);

    // Delivered twice: still shown once.
    act(() => socket.serverEmit('comment.created', { ...second, seq: 3 }));
    expect(screen.getAllByText('The new law helps.')).toHaveLength(1);

    // seq 6 after 3: 4 and 5 were lost. The page fetches them and applies 4, 5, 6 in order.
    act(() => socket.serverEmit('comment.updated', { ...secondEdited, seq: 6 }));
    expect(await screen.findByText('Which agencies?')).toBeTruthy();
    await screen.findByText('The new law helps a little.');
    expect(api.requests.filter((url) => url.includes('/events'))).toEqual([`${THREAD}/events?after=3&limit=200`]);
    const replies = screen.getByRole('list', { name: 'Replies to Amina Rahman' });
    expect(within(replies).getByText('Which agencies?')).toBeTruthy();
    expect(announcements()).toContain('New reply from Quiet Heron 42');
    const firstArticle = document.getElementById('comment-c-1-author')!.closest('article')!;
    expect(firstArticle.textContent).toContain('2 agree');
    expect(firstArticle.textContent).toContain('1 disagree');
    const secondArticle = document.getElementById('comment-c-2-author')!.closest('article')!;
    expect(secondArticle.textContent).toContain('edited');
    expect(secondArticle.textContent).toContain('Trade union');
    expect(secondArticle.textContent).toContain('Workers Union');
    expect(secondArticle.textContent).toContain('Supports');
    expect(screen.getAllByText('The new law helps a little.')).toHaveLength(1);
  });

  it('shows the distribution as a table next to the chart, the gap in plain words, and the government’s own assessment', async () => {
    api = mockApi(routes());
    renderApp(`${PAGE_URL}?country=NPL`, { user: null });

    const table = await screen.findByRole('table', { name: /Number of people at each level, .*Nepal/ });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Not started', '1', '10%'],
      ['Planned', '2', '20%'],
      ['In progress', '4', '40%'],
      ['Largely implemented', '1', '10%'],
      ['Fully implemented', '1', '10%'],
      ['Don’t know', '1', '10%'],
    ]);
    const figure = table.closest('figure')!;
    expect(figure.querySelector('.rating-chart__bars')!.getAttribute('aria-hidden')).toBe('true');
    expect(figure.querySelector('.bar-w-40')).toBeTruthy();
    const summary = screen.getByRole('region', { name: /What participants say about .*Nepal/ });
    expect(summary.textContent).toContain('2 (In progress)');
    expect(summary.textContent).toContain('The government side rates it 1.5 levels higher than civil society');
    expect(summary.textContent).toContain('95% interval: from \u2068+0.5\u2069 to \u2068+2.5\u2069');
    expect(summary.textContent).toContain('The range does not include 0');
    const official = screen.getByRole('region', { name: 'Government’s own assessment' });
    expect(official.textContent).toContain('3 – Largely implemented');
    expect(official.textContent).toContain('A national action plan was adopted in 2025.');
    expect(official.textContent).toContain('Ministry of Labour');

    // Why some numbers are missing, said where the numbers are.
    expect(within(summary).getByText('Why some numbers are missing or change only now and then')).toBeTruthy();

    // Nothing published yet: no numbers at all, and the same explanation.
    fireEvent.change(screen.getByLabelText('Country'), { target: { value: 'PHL' } });
    expect(await screen.findByText(/No figures for this country yet: they appear once at least 5 people have given a score/)).toBeTruthy();
    expect(screen.queryByRole('table', { name: /Number of people/ })).toBeNull();
    expect(screen.getByText('Why some numbers are missing or change only now and then')).toBeTruthy();
  });

  it('saves “Don’t know” as score null with dontKnow true, with an Idempotency-Key', async () => {
    let saved: Rating | undefined;
    api = mockApi(
      routes({
        [`PUT ${THREAD}/ratings/NPL`]: (call) => {
          saved = {
            consultationId: ROUND_ID,
            recommendationCode: 'PC-1',
            countryIso3: 'NPL',
            score: null,
            dontKnow: true,
            evidence: 'No public data yet.',
            evidenceUrl: null,
            updatedAt: '2026-02-03T00:00:00.000Z',
          };
          return call.body ? { body: saved } : errorReply(400, 'VALIDATION_FAILED');
        },
        '/api/v1/me': { body: nepali },
      }),
    );
    renderApp(PAGE_URL, { user: nepali });

    const form = (await screen.findByRole('group', { name: /How far has .*Nepal.* implemented this recommendation\?/ })).closest('form')!;
    fireEvent.click(within(form).getByRole('radio', { name: 'Don’t know' }));
    fireEvent.change(within(form).getByLabelText('Evidence (optional)'), { target: { value: '  No public data yet.  ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save my rating' }));

    expect(await within(form).findByText(/Your rating for .*Nepal.* has been saved\./)).toBeTruthy();
    const put = api.calls.find((call) => call.method === 'PUT')!;
    expect(put.url).toBe(`${THREAD}/ratings/NPL`);
    expect(put.body).toEqual({ score: null, dontKnow: true, evidence: 'No public data yet.' });
    expect(put.headers['idempotency-key']).toMatch(UUID);
  });

  it('rates the country of the person’s profile by default; without one the round covers, asks for a country and preselects none', async () => {
    api = mockApi(routes({ '/api/v1/me': { body: nepali } }));
    renderApp(PAGE_URL, { user: nepali });
    expect(await screen.findByRole('group', { name: /How far has .*Nepal.* implemented this recommendation\?/ })).toBeTruthy();
    expect((screen.getByLabelText('Country') as HTMLSelectElement).value).toBe('NPL');
    expect(screen.queryByRole('option', { name: 'Choose a country' })).toBeNull();
    cleanup();
    api.restore();

    // No country in the profile, one the round does not cover, or no profile at all: nothing is chosen
    // for the person — not the first country of the list (Nepal here) — and nothing can be rated yet.
    const abroad = { ...participant, countryIso3: 'IND' };
    for (const user of [participant, abroad, null]) {
      api = mockApi(routes({ '/api/v1/me': { body: user ?? participant } }));
      renderApp(PAGE_URL, { user });
      const prompt = await screen.findByText('Choose a country to see what participants say about it and to give your rating.');
      const picker = screen.getByLabelText('Country') as HTMLSelectElement;
      expect(picker.value).toBe('');
      expect(picker.selectedOptions[0]?.textContent).toBe('Choose a country');
      expect(picker.getAttribute('aria-describedby')).toBe(prompt.id);
      expect(screen.queryByRole('region', { name: /What participants say about/ })).toBeNull();
      expect(screen.queryByRole('button', { name: 'Save my rating' })).toBeNull();
      expect(api.requests.some((url) => url.includes('/ratings/summary'))).toBe(false);

      fireEvent.change(picker, { target: { value: 'PHL' } });
      expect(await screen.findByRole('region', { name: /What participants say about .*Philippines/ })).toBeTruthy();
      if (user) expect(screen.getByRole('group', { name: /How far has .*Philippines.* implemented this recommendation\?/ })).toBeTruthy();
      expect(screen.queryByText(prompt.textContent!)).toBeNull();
      expect(screen.queryByRole('option', { name: 'Choose a country' })).toBeNull();
      cleanup();
      api.restore();
    }

    // A round about one country has nothing to choose: that country, whatever the profile says.
    api = mockApi(routes({ [`/api/v1/consultations/${ROUND_ID}`]: { body: { ...round, countryIso3s: ['PHL'] } } }));
    renderApp(PAGE_URL, { user: participant });
    expect(await screen.findByRole('region', { name: /What participants say about .*Philippines/ })).toBeTruthy();
    expect((screen.getByLabelText('Country') as HTMLSelectElement).value).toBe('PHL');
    expect(screen.queryByText('Choose a country to see what participants say about it and to give your rating.')).toBeNull();
  });

  it('puts the discussion first: the comments, then the box to write one, then the ratings, with links down to both', async () => {
    const first = comment({
      id: 'c-1',
      body: 'Recruitment fees are still charged.',
      bodyHtml: '<p>Recruitment fees are still charged.</p>',
    });
    api = mockApi(routes({ '/api/v1/me': { body: nepali } }, [first]));
    renderApp(PAGE_URL, { user: nepali });

    const box = await screen.findByRole('textbox', { name: 'Your comment' });
    const rating = await screen.findByRole('group', { name: /How far has .*Nepal.* implemented this recommendation\?/ });
    const text = screen.getByText(pc1Detail.text);
    const firstComment = screen.getByText('Recruitment fees are still charged.');
    const ratings = screen.getByRole('heading', { level: 2, name: 'How far is it implemented?' });
    // Reading (and keyboard) order is the document's: no CSS reordering.
    const inOrder = [text, firstComment, box, ratings, rating];
    for (let i = 1; i < inOrder.length; i++) {
      expect(inOrder[i - 1].compareDocumentPosition(inOrder[i]) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    }

    const jumps = screen.getByRole('navigation', { name: 'On this page' });
    expect(text.compareDocumentPosition(jumps) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(jumps.compareDocumentPosition(firstComment) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    fireEvent.click(within(jumps).getByRole('link', { name: 'Write a comment' }));
    expect(document.activeElement).toBe(box);
    fireEvent.click(within(jumps).getByRole('link', { name: 'Ratings by country' }));
    expect(document.activeElement).toBe(ratings);
    cleanup();
    api.restore();

    // A reader who cannot write is led to the ratings only.
    api = mockApi(routes({}, [first]));
    renderApp(PAGE_URL, { user: null });
    await screen.findByText('Recruitment fees are still charged.');
    const readerJumps = screen.getByRole('navigation', { name: 'On this page' });
    expect(
      within(readerJumps)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Ratings by country']);
  });

  it('asks for a choice before saving a rating, and sends a score as a number', async () => {
    api = mockApi(
      routes({
        [`PUT ${THREAD}/ratings/NPL`]: (call) => ({
          body: {
            consultationId: ROUND_ID,
            recommendationCode: 'PC-1',
            countryIso3: 'NPL',
            ...(call.body as object),
            evidence: null,
            evidenceUrl: 'https://example.org/report',
            updatedAt: '2026-02-03T00:00:00.000Z',
          },
        }),
        '/api/v1/me': { body: nepali },
      }),
    );
    renderApp(PAGE_URL, { user: nepali });
    const form = (await screen.findByRole('button', { name: 'Save my rating' })).closest('form')!;
    fireEvent.click(within(form).getByRole('button', { name: 'Save my rating' }));
    const summary = await within(form).findByRole('alert');
    expect(summary.textContent).toContain('Choose how far it is implemented, or “Don’t know”.');
    expect(api.calls.some((call) => call.method === 'PUT')).toBe(false);

    fireEvent.click(within(form).getByRole('radio', { name: '2 – In progress' }));
    fireEvent.change(within(form).getByLabelText('Link to a source (optional)'), { target: { value: 'https://example.org/report' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save my rating' }));
    await waitFor(() => expect(api.calls.some((call) => call.method === 'PUT')).toBe(true));
    expect(api.calls.find((call) => call.method === 'PUT')!.body).toEqual({
      score: 2,
      dontKnow: false,
      evidenceUrl: 'https://example.org/report',
    });
  });

  it('posts a comment once: the same Idempotency-Key on the automatic retry and for a double click, a new one for the next comment', async () => {
    const posted: Array<{ key: string; body: CreateCommentRequest }> = [];
    let failNext = true;
    api = mockApi(
      routes({
        [`POST ${THREAD}/comments`]: (call) => {
          const request = call.body as CreateCommentRequest;
          posted.push({ key: call.headers['idempotency-key'], body: request });
          if (failNext) {
            failNext = false;
            return errorReply(503, 'SERVICE_UNAVAILABLE');
          }
          return {
            status: 201,
            body: comment({
              id: `posted-${posted.length}`,
              body: request.body,
              bodyHtml: `<p>${request.body}</p>`,
              mine: true,
              author: { displayName: 'Amina Rahman' },
            }),
          };
        },
      }),
    );
    renderApp(PAGE_URL, { user: participant });
    await liveSocket();

    const box = await screen.findByRole('textbox', { name: 'Your comment' });
    fireEvent.change(box, { target: { value: 'Fees must be banned.' } });
    fireEvent.change(screen.getByLabelText('Your stance (optional)'), { target: { value: 'concern' } });
    fireEvent.change(screen.getByLabelText('About a country (optional)'), { target: { value: 'NPL' } });
    const submit = screen.getByRole('button', { name: 'Post comment' });
    fireEvent.click(submit);
    fireEvent.click(submit); // a double click

    // The first attempt meets a 503; the retry (same key) goes through.
    expect(await screen.findByText('Your comment has been posted.', undefined, { timeout: 3000 })).toBeTruthy();
    expect(posted).toHaveLength(2);
    expect(posted[0].key).toMatch(UUID);
    expect(posted[1].key).toBe(posted[0].key);
    expect(posted[0].body).toEqual({ body: 'Fees must be banned.', language: 'en', stance: 'concern', countryIso3: 'NPL' });
    expect(await screen.findByText('Fees must be banned.', { selector: 'p' })).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Your comment' }) as HTMLTextAreaElement).value).toBe('');

    // Our own comment's live event does not show it twice, nor announce it.
    act(() =>
      sockets.at(-1)!.serverEmit('comment.created', {
        ...comment({ id: 'posted-2', body: 'Fees must be banned.', bodyHtml: '<p>Fees must be banned.</p>' }),
        seq: 1,
      }),
    );
    expect(screen.getAllByText('Fees must be banned.', { selector: 'p' })).toHaveLength(1);
    expect(announcements()).toBe('');

    fireEvent.change(screen.getByRole('textbox', { name: 'Your comment' }), { target: { value: 'And enforced.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Post comment' }));
    expect(await screen.findByText('And enforced.', { selector: 'p' })).toBeTruthy();
    expect(posted).toHaveLength(3);
    expect(posted[2].key).toMatch(UUID);
    expect(posted[2].key).not.toBe(posted[0].key);
  });

  it('counts characters and refuses a comment over 5000 before sending it', async () => {
    api = mockApi(routes());
    renderApp(PAGE_URL, { user: participant });
    const box = await screen.findByRole('textbox', { name: 'Your comment' });
    expect(box.getAttribute('aria-describedby')).toContain('new-comment-body-counter');
    fireEvent.change(box, { target: { value: 'x'.repeat(4990) } });
    expect(screen.getByText('10 characters left')).toBeTruthy();
    fireEvent.change(box, { target: { value: 'x'.repeat(5002) } });
    expect(screen.getByText('2 characters too many')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Post comment' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Use no more than 5000 characters.');
    expect(api.calls.some((call) => call.method === 'POST')).toBe(false);
  });

  it('shows a closed round as closed, with no forms', async () => {
    api = mockApi(
      routes({ [`/api/v1/consultations/${ROUND_ID}`]: { body: { ...round, status: 'closed', acceptingContributions: false } } }),
    );
    renderApp(`${PAGE_URL}?country=NPL`, { user: participant });
    expect(await screen.findByText(/This round is closed\. You can read the discussion and the ratings/)).toBeTruthy();
    await screen.findByRole('table', { name: /Number of people/ });
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Save my rating' })).toBeNull();
  });

  it('asks a person whose email is not confirmed to confirm it before taking part', async () => {
    const unverified = { ...participant, emailVerified: false };
    api = mockApi(routes({ '/api/v1/me': { body: unverified } }));
    renderApp(PAGE_URL, { user: unverified });
    expect(await screen.findByText(/Confirm your email address to comment and rate/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Send the link again' }).getAttribute('href')).toBe('/resend-verification');
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('shows removals as tombstones naming the rule (linked) and the date, keeps their replies, and marks review', async () => {
    const removed = comment({
      id: 'c-hidden',
      status: 'hidden',
      author: null,
      body: '',
      bodyHtml: '',
      moderation: { ruleCode: 'R3', at: '2026-11-27T10:00:00.000Z' },
    });
    const reply = comment({
      id: 'c-reply',
      parentId: 'c-hidden',
      depth: 1,
      body: 'A reply that stays.',
      bodyHtml: '<p>A reply that stays.</p>',
    });
    const review = comment({
      id: 'c-review',
      status: 'hidden',
      author: null,
      body: '',
      bodyHtml: '',
      moderation: { ruleCode: null, at: null },
    });
    api = mockApi(routes({}, [removed, reply, review]));
    renderApp(PAGE_URL, { user: null });

    const tombstone = await screen.findByText(/Removed under rule/);
    expect(tombstone.textContent).toContain('Removed under rule \u2068R3\u2069 on November 27, 2026.');
    expect(within(tombstone).getByRole('link', { name: /R3/ }).getAttribute('href')).toBe('/rules#R3');
    expect(screen.getByText('A reply that stays.')).toBeTruthy();
    expect(screen.getByText(/Hidden pending review by the moderators\./)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Report' })).toBeNull();
  });

  it('lets a signed-in person report someone else’s comment (not their own) through a dialog, once', async () => {
    const theirs = comment({
      id: 'c-theirs',
      body: 'Buy cheap visas here.',
      bodyHtml: '<p>Buy cheap visas here.</p>',
      author: { displayName: 'Spammy Sam' },
    });
    const mine = comment({ id: 'c-mine', mine: true, body: 'My own view.', bodyHtml: '<p>My own view.</p>' });
    let flagged = 0;
    api = mockApi(
      routes(
        {
          'POST /api/v1/comments/c-theirs/flags': () => {
            flagged += 1;
            return flagged === 1
              ? { status: 201, body: { commentId: 'c-theirs', reason: 'spam', createdAt: '2026-11-27T10:00:00.000Z' } }
              : errorReply(409, 'FLAG_EXISTS');
          },
        },
        [theirs, mine],
      ),
    );
    renderApp(PAGE_URL, { user: participant });

    await screen.findByText('Buy cheap visas here.');
    const reports = screen.getAllByRole('button', { name: 'Report' });
    expect(reports).toHaveLength(1);
    fireEvent.click(reports[0]);
    const dialog = await screen.findByRole('dialog', { name: 'Report the comment by Spammy Sam' });
    expect(within(dialog).getAllByRole('radio')).toHaveLength(6);

    // No reason chosen: the error summary says so and nothing is sent.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send report' }));
    expect(await within(dialog).findByText('Why should the moderators look at it?: Choose a reason.')).toBeTruthy();
    expect(flagged).toBe(0);

    fireEvent.click(within(dialog).getByRole('radio', { name: 'Spam or advertising' }));
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Anything the moderators should know/ }), {
      target: { value: ' Same post in five threads. ' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send report' }));
    expect(await within(dialog).findByText('Thanks — moderators will review it.')).toBeTruthy();
    const sent = api.calls.find((call) => call.method === 'POST' && call.url.endsWith('/flags'))!;
    expect(sent.body).toEqual({ reason: 'spam', note: 'Same post in five threads.' });
    expect(sent.headers['idempotency-key']).toMatch(UUID);

    // Closing returns focus to the button that opened it.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Report' })));

    // A second report of the same comment: "already reported".
    fireEvent.click(screen.getByRole('button', { name: 'Report' }));
    const again = screen.getByRole('dialog');
    fireEvent.click(within(again).getByRole('radio', { name: 'Abuse or harassment' }));
    fireEvent.click(within(again).getByRole('button', { name: 'Send report' }));
    expect(await within(again).findByText('You have already reported this comment.')).toBeTruthy();
  });
});
