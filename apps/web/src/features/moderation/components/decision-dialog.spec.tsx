import { ErrorCode, type HouseRule, type ModerationDecision } from '@compact-voices/contracts';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Providers } from '../../../app/providers';
import { initI18n } from '../../../lib/i18n';
import { createQueryClient } from '../../../lib/query-client';
import { errorReply, mockApi, type MockApi, type MockRoutes } from '../../../test/mock-api';
import { decision, queueItem } from '../../../test/moderation-fixtures';
import { DecisionDialog } from './decision-dialog';

const DECISIONS = 'POST /api/v1/moderation/decisions';
const rules: HouseRule[] = [
  { code: 'R2', version: 1, title: 'Protect personal information', text: '…', language: 'en', publishedAt: '2026-11-01T00:00:00.000Z' },
];

function openDialog(routes: MockRoutes, onDecided: (decision: ModerationDecision) => void = () => undefined): MockApi {
  const api = mockApi({ '/api/v1/rules?locale=en': { body: { items: rules } }, ...routes });
  render(
    <Providers queryClient={createQueryClient()}>
      <DecisionDialog item={queueItem()} action="hide" onClose={() => undefined} onDecided={onDecided} onConflict={() => undefined} />
    </Providers>,
  );
  return api;
}

async function fill(reason: string): Promise<HTMLElement> {
  const dialog = screen.getByRole('dialog', { name: 'Hide the comment by Quiet Heron 42' });
  await within(dialog).findByRole('option', { name: 'R2 — Protect personal information' });
  fireEvent.change(within(dialog).getByLabelText('House rule'), { target: { value: 'R2' } });
  fireEvent.change(within(dialog).getByRole('textbox', { name: 'Reason' }), { target: { value: reason } });
  fireEvent.click(within(dialog).getByRole('button', { name: 'Hide' }));
  return dialog;
}

describe('decision dialog', () => {
  let api: MockApi;

  beforeAll(() => initI18n('en'));
  afterEach(() => {
    cleanup();
    api.restore();
  });

  it('refuses a blank reason and one over 2000 characters, as the API would, without sending', async () => {
    api = openDialog({});
    const dialog = await fill('  \n  ');
    const summary = await within(dialog).findByRole('alert');
    expect(within(summary).getByRole('link').textContent).toBe('Reason: Give the reason for this decision.');

    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Reason' }), { target: { value: 'x'.repeat(2001) } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Hide' }));
    await waitFor(() =>
      expect(within(within(dialog).getByRole('alert')).getByRole('link').textContent).toBe('Reason: Use no more than 2000 characters.'),
    );
    expect(api.calls.some((call) => call.method === 'POST')).toBe(false);
  });

  it('sends the trimmed reason, and shows a 400 detail at its field in the words the browser uses for that rule', async () => {
    api = openDialog({
      [DECISIONS]: errorReply(400, ErrorCode.VALIDATION_FAILED, 'Validation failed', [
        { field: 'reason', reason: 'blank', message: 'must not be blank' },
      ]),
    });
    const dialog = await fill('  It gives a private phone number. ');
    const summary = await within(dialog).findByRole('alert');
    expect(within(summary).getByRole('link').textContent).toBe('Reason: Give the reason for this decision.');
    const reason = within(dialog).getByRole('textbox', { name: 'Reason' });
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    const sent = api.calls.find((call) => call.method === 'POST')!;
    expect(sent.body).toEqual({
      commentId: 'q-1',
      action: 'hide',
      ruleCode: 'R2',
      reason: 'It gives a private phone number.',
      expectedVersion: 3,
    });
  });

  it('shows RULE_NOT_FOUND at the rule', async () => {
    api = openDialog({ [DECISIONS]: errorReply(400, ErrorCode.RULE_NOT_FOUND) });
    const dialog = await fill('It gives a private phone number.');
    const summary = await within(dialog).findByRole('alert');
    expect(within(summary).getByRole('link').textContent).toMatch(/^House rule: /);
    expect(within(dialog).getByLabelText('House rule').getAttribute('aria-invalid')).toBe('true');
  });

  it('passes the decision on once accepted', async () => {
    const decided: ModerationDecision[] = [];
    api = openDialog({ [DECISIONS]: { status: 201, body: decision({ commentId: 'q-1' }) } }, (value) => decided.push(value));
    await fill('It gives a private phone number.');
    await waitFor(() => expect(decided).toHaveLength(1));
  });
});
