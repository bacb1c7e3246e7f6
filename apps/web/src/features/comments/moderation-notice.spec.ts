import { isTombstone, moderationNotice } from './moderation-notice';

describe('moderationNotice', () => {
  it('says nothing for a published comment, and marks a pending one without hiding its text', () => {
    expect(moderationNotice({ status: 'published', moderation: null })).toEqual({ kind: 'none' });
    const pending = moderationNotice({ status: 'pending' });
    expect(pending).toEqual({ kind: 'pending' });
    expect(isTombstone(pending)).toBe(false);
  });

  it('names the rule and the date of a removal', () => {
    const notice = moderationNotice({ status: 'hidden', moderation: { ruleCode: 'R3', at: '2026-11-27T10:00:00.000Z' } });
    expect(notice).toEqual({ kind: 'removed-under-rule', ruleCode: 'R3', at: '2026-11-27T10:00:00.000Z' });
    expect(isTombstone(notice)).toBe(true);
  });

  it('tells "hidden pending review" (no rule yet) from an older removal that carries no moderation facts', () => {
    expect(moderationNotice({ status: 'hidden', moderation: { ruleCode: null, at: null } })).toEqual({ kind: 'hidden-pending-review' });
    expect(moderationNotice({ status: 'hidden' })).toEqual({ kind: 'removed' });
  });

  it('names the rule a comment was not published under, when there is one', () => {
    expect(moderationNotice({ status: 'rejected', moderation: { ruleCode: 'R5', at: null } })).toEqual({
      kind: 'rejected-under-rule',
      ruleCode: 'R5',
      at: null,
    });
    expect(moderationNotice({ status: 'rejected', moderation: null })).toEqual({ kind: 'rejected' });
  });

  it('keeps a deletion by the author a tombstone of its own', () => {
    expect(isTombstone(moderationNotice({ status: 'deleted' }))).toBe(true);
  });
});
