import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { setDownloadNavigatorForTests } from '../../features/exports/components/export-job-list';
import { setExportSocketForTests } from '../../features/exports/hooks/use-export-jobs';
import { authSession } from '../../lib/auth-session';
import { initI18n } from '../../lib/i18n';
import { nepal, round } from '../../test/consultation-fixtures';
import { admin, doneJob, exportJob, SHA } from '../../test/export-fixtures';
import { FakeSocket } from '../../test/fake-socket';
import { humanRights, hr1, objective7 } from '../../test/fixtures';
import { errorReply, mockApi, type MockApi, type MockRoutes } from '../../test/mock-api';
import { renderApp } from '../../test/render-app';

const vocabulary: MockRoutes = {
  '/api/v1/consultations': { body: { items: [round] } },
  '/api/v1/principles': { body: { items: [humanRights] } },
  '/api/v1/recommendations': { body: { items: [hr1] } },
  '/api/v1/objectives': { body: { items: [objective7] } },
  '/api/v1/countries': { body: { items: [nepal] } },
};

function radioNames(legend: string): string[] {
  const group = screen.getByRole('group', { name: legend });
  return within(group)
    .getAllByRole('radio')
    .map((radio) => (radio as HTMLInputElement).labels?.[0]?.textContent ?? '');
}

describe('exports page', () => {
  let api: MockApi;
  let sockets: FakeSocket[];

  beforeAll(() => initI18n('en'));
  beforeEach(() => {
    sockets = [];
    setExportSocketForTests(async (auth) => {
      const socket = new FakeSocket(auth);
      sockets.push(socket);
      return socket;
    });
  });
  afterEach(() => {
    cleanup();
    api.restore();
    authSession.clear();
    setExportSocketForTests(null);
  });

  it('offers only the formats each dataset comes in, the BOM for CSV only, and sends the chosen export with the filters', async () => {
    const job = exportJob({ id: 'job-9', dataset: 'comments', format: 'xlsx', privacy: 'full', status: 'queued', progress: 0 });
    api = mockApi({
      ...vocabulary,
      '/api/v1/exports': { body: { items: [] } },
      'POST /api/v1/exports': { status: 202, body: job },
    });
    renderApp('/admin/exports?principle=HR&to=2026-11-30', { user: admin });
    expect(await screen.findByRole('heading', { level: 1, name: 'Exports' })).toBeTruthy();
    expect(await screen.findByText('You have not exported anything yet.')).toBeTruthy();

    // The pack is a ZIP, the report a PDF: nothing else to choose.
    expect(radioNames('Format')).toEqual(['ZIP']);
    fireEvent.click(screen.getByRole('radio', { name: 'Report' }));
    expect(radioNames('Format')).toEqual(['PDF']);
    expect(screen.queryByRole('checkbox', { name: /byte-order mark/ })).toBeNull();

    fireEvent.click(screen.getByRole('radio', { name: 'Comments' }));
    expect(radioNames('Format')).toEqual(['CSV', 'Excel (XLSX)', 'NDJSON']);
    expect((screen.getByRole('radio', { name: 'CSV' }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole('checkbox', { name: 'Add a byte-order mark, for Excel' })).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: 'Excel (XLSX)' }));
    expect(screen.queryByRole('checkbox', { name: /byte-order mark/ })).toBeNull();

    // Full is explained, with the audit log.
    const full = screen.getByRole('radio', { name: 'Full' });
    expect(document.getElementById(full.getAttribute('aria-describedby')!)?.textContent).toMatch(/account ids.*audit log/);
    fireEvent.click(full);
    // The filters came from the address (the dashboard's "Export this selection").
    expect((screen.getByLabelText('Guiding principle') as HTMLSelectElement).value).toBe('HR');

    fireEvent.click(screen.getByRole('button', { name: 'Start the export' }));
    expect(await screen.findByText('Export started: Comments, Excel (XLSX). Its progress is shown in the list below.')).toBeTruthy();
    const post = api.calls.find((call) => call.method === 'POST' && call.url === '/api/v1/exports');
    expect(post?.body).toEqual({
      dataset: 'comments',
      format: 'xlsx',
      privacy: 'full',
      filters: { principleCode: 'HR', to: '2026-12-01' },
    });
    expect(post?.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    const item = (await screen.findByRole('heading', { level: 3, name: 'Comments, Excel (XLSX)' })).closest('li')!;
    expect(within(item).getByRole('progressbar')).toBeTruthy();
    expect(within(item).getByText('Waiting')).toBeTruthy();
  });

  it('sends the BOM choice with a CSV export', async () => {
    api = mockApi({
      ...vocabulary,
      '/api/v1/exports': { body: { items: [] } },
      'POST /api/v1/exports': { status: 202, body: exportJob({ dataset: 'ratings', format: 'csv', status: 'queued' }) },
    });
    renderApp('/admin/exports', { user: admin });
    await screen.findByText('You have not exported anything yet.');
    fireEvent.click(screen.getByRole('radio', { name: 'Ratings' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Add a byte-order mark, for Excel' }));
    fireEvent.click(screen.getByRole('button', { name: 'Start the export' }));
    await waitFor(() => expect(api.calls.some((call) => call.method === 'POST')).toBe(true));
    expect(api.calls.find((call) => call.method === 'POST')?.body).toEqual({
      dataset: 'ratings',
      format: 'csv',
      privacy: 'public',
      filters: {},
      bom: false,
    });
  });

  it('says plainly when three exports are already in flight', async () => {
    api = mockApi({
      ...vocabulary,
      '/api/v1/exports': { body: { items: [] } },
      'POST /api/v1/exports': errorReply(429, 'TOO_MANY_REQUESTS'),
    });
    renderApp('/admin/exports', { user: admin });
    await screen.findByText('You have not exported anything yet.');
    fireEvent.click(screen.getByRole('button', { name: 'Start the export' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'You already have 3 exports waiting or running. Wait for one to finish, or cancel one.',
    );
  });

  it('moves the progress bar with live events, announces the finished export and links its single-use download', async () => {
    let downloadToken = 'first';
    api = mockApi({
      ...vocabulary,
      '/api/v1/exports': { body: { items: [exportJob()] } },
      '/api/v1/exports/job-1': () => ({ body: doneJob({ downloadUrl: `/api/v1/exports/job-1/download?token=${downloadToken}` }) }),
    });
    const followed: string[] = [];
    setDownloadNavigatorForTests((url) => followed.push(url));
    renderApp('/admin/exports', { user: admin });

    const bar = await screen.findByRole('progressbar', { name: 'Progress Complete pack, ZIP' });
    expect(bar.getAttribute('value')).toBe('40');
    expect(bar.getAttribute('aria-valuetext')).toBe('40% done');
    expect(screen.getByText('40% done')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeTruthy();
    await waitFor(() => expect(sockets[0]?.connected).toBe(true));

    act(() => sockets[0].serverEmit('export.progress', { id: 'job-1', status: 'running', progress: 0.8, rowCount: 900 }));
    await waitFor(() => expect(bar.getAttribute('value')).toBe('80'));

    act(() => sockets[0].serverEmit('export.progress', { id: 'job-1', status: 'done', progress: 1, rowCount: 1234 }));
    expect(await screen.findByText('Complete pack, ZIP is ready to download.')).toBeTruthy();
    const link = await screen.findByRole('link', { name: 'Download \u2068compact-voices-pack.zip\u2069' });
    expect(link.getAttribute('href')).toBe('/api/v1/exports/job-1/download?token=first');
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
    const item = link.closest('li')!;
    expect(within(item).getByText('1,234')).toBeTruthy();
    expect(within(item).getByText('2.4 MB')).toBeTruthy();
    const hash = within(item).getByText('3f1a9c0e…d41e77b2');
    expect(hash.getAttribute('title')).toBe(SHA);

    // The first click follows the link itself (the page lets the browser do it; jsdom cannot
    // navigate, so the test stops it after the page's handler); the second asks for a fresh one.
    const browserNavigation: boolean[] = [];
    const stopNavigation = (event: MouseEvent) => {
      browserNavigation.push(!event.defaultPrevented);
      event.preventDefault();
    };
    window.addEventListener('click', stopNavigation);
    fireEvent.click(link);
    expect(browserNavigation).toEqual([true]);
    expect(followed).toEqual([]);
    downloadToken = 'second';
    fireEvent.click(link);
    await waitFor(() => expect(followed).toEqual(['/api/v1/exports/job-1/download?token=second']));
    expect(browserNavigation).toEqual([true, false]);
    window.removeEventListener('click', stopNavigation);
  });

  it('polls every 2 seconds when there is no live socket', async () => {
    setExportSocketForTests(null);
    let polls = 0;
    api = mockApi({
      ...vocabulary,
      '/api/v1/exports': { body: { items: [exportJob({ progress: 0.1 })] } },
      '/api/v1/exports/job-1': () => {
        polls += 1;
        return { body: exportJob({ progress: 0.55 }) };
      },
    });
    renderApp('/admin/exports', { user: admin });
    const bar = await screen.findByRole('progressbar');
    expect(screen.getByText('Live updates are unavailable at the moment: progress is checked every 2 seconds instead.')).toBeTruthy();
    await waitFor(() => expect(bar.getAttribute('value')).toBe('55'), { timeout: 3_500 });
    expect(polls).toBeGreaterThanOrEqual(1);
  });

  it('cancels a running export and shows it cancelled', async () => {
    let cancelled = false;
    api = mockApi({
      ...vocabulary,
      '/api/v1/exports': { body: { items: [exportJob()] } },
      'DELETE /api/v1/exports/job-1': () => {
        cancelled = true;
        return { status: 204 };
      },
      '/api/v1/exports/job-1': () => ({ body: exportJob({ status: cancelled ? 'cancelled' : 'running' }) }),
    });
    renderApp('/admin/exports', { user: admin });
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText('Complete pack, ZIP was cancelled.')).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByText('Cancelled')).toBeTruthy();
  });

  it('is linked from the administration menu', async () => {
    api = mockApi({
      ...vocabulary,
      '/api/v1/exports': { body: { items: [doneJob({ status: 'failed', error: 'EXPORT_FORMAT_UNSUPPORTED', downloadUrl: null })] } },
    });
    renderApp('/admin/exports', { user: admin });
    const nav = await screen.findByRole('navigation', { name: 'Administration' });
    expect(within(nav).getByRole('link', { name: 'Exports' }).getAttribute('href')).toBe('/admin/exports');
    expect(await screen.findByText('This dataset does not come in that format. Choose another format.')).toBeTruthy();
  });
});
