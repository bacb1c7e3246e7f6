import type { CommentAuthor, StakeholderTypeCode } from '@compact-voices/contracts';
import { FORMER_PARTICIPANT } from '../accounts/me.service.js';

/**
 * How a comment's author reads — the one rule every reader (threads, moderation, exports, reports)
 * applies, in SQL or in TypeScript:
 *
 * 1. the account is erased (or gone) → "Former participant";
 * 2. written while protected → the pseudonym it was written under (`comment.author_pseudonym`), and
 *    nothing else: no stakeholder type, organisation or country;
 * 3. its author asked for earlier public comments to be anonymised (`comment.author_anonymised`) →
 *    "Former participant";
 * 4. otherwise → the author's display name, with what they wrote as (type, organisation, country).
 *
 * The author's privacy mode today plays no part: turning protection on or off never relabels what
 * was published before, and each protected period has its own pseudonym.
 */

export { FORMER_PARTICIPANT };

/** What the label depends on, as comment reads select it (see comment.presenter.ts `commentColumns`). */
export interface AuthorLabelSource {
  /** `app_user.status` of the author; null when the account row is gone. */
  authorStatus: string | null;
  /** `comment.author_pseudonym`: set when written while protected. */
  authorPseudonym: string | null;
  /** `comment.author_anonymised`. */
  authorAnonymised: boolean;
  displayName: string | null;
  authorStakeholderType: StakeholderTypeCode;
  organisationId: string | null;
  organisationName: string | null;
  /** The organisation is verified now (a later verification shows on earlier comments too). */
  organisationVerified?: boolean | null;
  authorCountryIso3: string | null;
}

export type AuthorLabelKind = 'former' | 'pseudonym' | 'named';

export function authorLabelKind(source: Pick<AuthorLabelSource, 'authorStatus' | 'authorPseudonym' | 'authorAnonymised'>): AuthorLabelKind {
  if (source.authorStatus !== 'active') return 'former';
  if (source.authorPseudonym !== null) return 'pseudonym';
  return source.authorAnonymised ? 'former' : 'named';
}

/** The author as the public API shows them. */
export function commentAuthorLabel(source: AuthorLabelSource): CommentAuthor {
  switch (authorLabelKind(source)) {
    case 'former':
      return { displayName: FORMER_PARTICIPANT };
    case 'pseudonym':
      return { displayName: source.authorPseudonym! };
    case 'named':
      return {
        displayName: source.displayName ?? FORMER_PARTICIPANT,
        stakeholderType: source.authorStakeholderType,
        organisation: source.organisationId
          ? { id: source.organisationId, name: source.organisationName ?? '', verified: source.organisationVerified === true }
          : null,
        countryIso3: source.authorCountryIso3,
      };
  }
}

/** Table aliases in a query: the `comment` row and its author's `app_user` row (LEFT JOINed on `author_id`). */
export interface AuthorLabelAliases {
  comment: string;
  author: string;
}

const former = ({ author }: AuthorLabelAliases) => `(${author}.id IS NULL OR ${author}.status <> 'active')`;

/** SQL (text): the name the author is shown under — "Former participant", the pseudonym, or the display name. */
export function authorNameSql(aliases: AuthorLabelAliases): string {
  const { comment, author } = aliases;
  return `CASE WHEN ${former(aliases)} THEN '${FORMER_PARTICIPANT}'
               WHEN ${comment}.author_pseudonym IS NOT NULL THEN ${comment}.author_pseudonym
               WHEN ${comment}.author_anonymised THEN '${FORMER_PARTICIPANT}'
               ELSE ${author}.display_name END`;
}

/**
 * SQL (boolean): true when the author is shown by name, the only case in which their stakeholder
 * type, organisation and country may be shown beside the comment.
 */
export function authorNamedSql(aliases: AuthorLabelAliases): string {
  const { comment } = aliases;
  return `(NOT ${former(aliases)} AND ${comment}.author_pseudonym IS NULL AND NOT ${comment}.author_anonymised)`;
}

/**
 * SQL (text): what a reader may join this comment to others on — contributions under one label
 * share a key, contributions under different labels never do. `pseudonym:<pseudonym>` for a
 * protected comment, `account:<author id>` for a named one, NULL for "Former participant". Hash it
 * (with a per-dataset seed) before it leaves the server; never use `author_id` for this.
 */
export function authorLinkKeySql(aliases: AuthorLabelAliases): string {
  const { comment } = aliases;
  return `CASE WHEN ${former(aliases)} THEN NULL
               WHEN ${comment}.author_pseudonym IS NOT NULL THEN 'pseudonym:' || ${comment}.author_pseudonym
               WHEN ${comment}.author_anonymised THEN NULL
               ELSE 'account:' || ${comment}.author_id::text END`;
}
