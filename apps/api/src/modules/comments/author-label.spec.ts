import {
  authorLabelKind,
  authorLinkKeySql,
  authorNameSql,
  authorNamedSql,
  commentAuthorLabel,
  type AuthorLabelSource,
} from './author-label.js';

const named: AuthorLabelSource = {
  authorStatus: 'active',
  authorPseudonym: null,
  authorAnonymised: false,
  displayName: 'Amina',
  authorStakeholderType: 'migrant-organisation',
  organisationId: 'org-1',
  organisationName: 'Pravasi',
  organisationVerified: true,
  authorCountryIso3: 'NPL',
};

describe('comment author label', () => {
  it('shows a public comment under the name it was published with, with what its author wrote as', () => {
    expect(commentAuthorLabel(named)).toEqual({
      displayName: 'Amina',
      stakeholderType: 'migrant-organisation',
      organisation: { id: 'org-1', name: 'Pravasi', verified: true },
      countryIso3: 'NPL',
    });
    // Whether the secretariat verified the organisation is part of the label: anyone can register a name.
    expect(commentAuthorLabel({ ...named, organisationVerified: false }).organisation).toEqual({
      id: 'org-1',
      name: 'Pravasi',
      verified: false,
    });
  });

  it('shows a protected comment under its own pseudonym and nothing else', () => {
    expect(commentAuthorLabel({ ...named, authorPseudonym: 'Participant 7K2M9Q' })).toEqual({ displayName: 'Participant 7K2M9Q' });
  });

  it('shows an anonymised comment, and any comment of an erased or missing account, as "Former participant"', () => {
    for (const source of [
      { ...named, authorAnonymised: true },
      { ...named, authorStatus: 'erased' },
      { ...named, authorStatus: null },
      { ...named, authorStatus: 'erased', authorPseudonym: 'Participant 7K2M9Q' },
    ]) {
      expect(commentAuthorLabel(source)).toEqual({ displayName: 'Former participant' });
    }
    expect(authorLabelKind({ authorStatus: 'active', authorPseudonym: 'Participant 7K2M9Q', authorAnonymised: false })).toBe('pseudonym');
  });

  it('builds the same rule in SQL for the aliases it is given, without the author’s privacy mode', () => {
    const aliases = { comment: 'x', author: 'a' };
    for (const sql of [authorNameSql(aliases), authorNamedSql(aliases), authorLinkKeySql(aliases)]) {
      expect(sql).toContain('x.author_pseudonym');
      expect(sql).toContain('a.status');
      expect(sql).not.toContain('privacy_mode');
    }
    // A protected comment joins others only through its pseudonym, never through the account.
    expect(authorLinkKeySql(aliases)).toMatch(/WHEN x\.author_pseudonym IS NOT NULL THEN 'pseudonym:' \|\| x\.author_pseudonym/);
  });
});
