import { HttpStatus, Injectable } from '@nestjs/common';
import { ErrorCode, type ListResponse, type WordFilterAction, type WordFilterTerm } from '@compact-voices/contracts';
import { AuditService } from '../../core/audit/audit.service.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { matchingForm, readableText } from '../../core/content/readable-text.js';
import { ApiException } from '../../core/errors/api.exception.js';
import { WordFilterRepository } from './word-filter.repository.js';

/** Terms are cached this long per instance: a change reaches every instance within it. */
const CACHE_MS = 5_000;
const SEVERITY: Record<WordFilterAction, number> = { block: 3, hold: 2, flag: 1 };

export interface WordFilterMatch {
  term: string;
  action: WordFilterAction;
}

/** How a term is stored and shown to admins: NFKC, lower case, trimmed. */
export function normaliseTerm(text: string): string {
  return text.normalize('NFKC').toLowerCase().trim();
}

/** Scripts written without spaces between words: a term in them matches inside a run of letters. */
const UNSPACED_SCRIPT =
  /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * Whole words or phrases only ("ass" does not match "assessment"), in any script, compared in
 * the disguise-proof matching form (see `matchingForm`). Combining marks belong to their letter.
 */
export function termPattern(term: string): RegExp {
  const form = matchingForm(term);
  const escaped = form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  if (UNSPACED_SCRIPT.test(term)) return new RegExp(escaped, 'u');
  return new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])${escaped}(?![\\p{L}\\p{N}\\p{M}])`, 'u');
}

type CompiledTerm = { term: string; action: WordFilterAction; pattern: RegExp };

/** The most severe term the rendered HTML shows a reader, if any. */
export function matchTerms(html: string, terms: CompiledTerm[]): WordFilterMatch | undefined {
  const haystack = matchingForm(readableText(html));
  let found: WordFilterMatch | undefined;
  for (const { term, action, pattern } of terms) {
    if ((!found || SEVERITY[action] > SEVERITY[found.action]) && pattern.test(haystack)) found = { term, action };
  }
  return found;
}

/**
 * Admin-managed terms checked on every comment and edit, against what people read (the rendered
 * HTML, not the Markdown source): `block` refuses the text saying a house rule was hit — never
 * which term, so the list cannot be read out by trial — `hold` keeps the comment for a moderator,
 * `flag` publishes it and puts it in the queue.
 */
@Injectable()
export class WordFilterService {
  private cache: { loadedAt: number; terms: CompiledTerm[] } | undefined;

  constructor(
    private readonly repository: WordFilterRepository,
    private readonly audit: AuditService,
  ) {}

  /** `html` is the comment as rendered for readers. */
  async match(html: string): Promise<WordFilterMatch | undefined> {
    if (!this.cache || Date.now() - this.cache.loadedAt > CACHE_MS) {
      const rows = await this.repository.terms();
      this.cache = { loadedAt: Date.now(), terms: rows.map((row) => ({ ...row, pattern: termPattern(row.term) })) };
    }
    return matchTerms(html, this.cache.terms);
  }

  /** 422 BLOCKED_TERM when the rendered text shows a blocked term; otherwise what the filter says about it. */
  async check(html: string): Promise<WordFilterMatch | undefined> {
    const found = await this.match(html);
    if (found?.action === 'block') {
      const message = 'This text uses language the house rules do not allow here. Please rephrase it.';
      throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.BLOCKED_TERM, message, [
        { field: 'body', reason: 'blockedTerm', message },
      ]);
    }
    return found;
  }

  async list(): Promise<ListResponse<WordFilterTerm>> {
    return { items: await this.repository.list() };
  }

  async create(admin: AuthUser, rawTerm: string, action: WordFilterAction): Promise<WordFilterTerm> {
    const term = normaliseTerm(rawTerm);
    if (!term) {
      throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED, 'term must not be blank', [
        { field: 'term', reason: 'blank', message: 'term must not be blank' },
      ]);
    }
    const created = await this.repository.transaction(async (manager) => {
      const row = await this.repository.insert(manager, term, action, admin.id);
      if (!row) throw new ApiException(HttpStatus.CONFLICT, ErrorCode.TERM_EXISTS, 'That term is already in the filter');
      await this.audit.record(manager, {
        actorId: admin.id,
        action: 'word_filter.term_added',
        targetType: 'word_filter_term',
        targetId: row.id,
        details: { action },
      });
      return row;
    });
    this.cache = undefined;
    return created;
  }

  async remove(admin: AuthUser, id: string): Promise<void> {
    await this.repository.transaction(async (manager) => {
      if (!(await this.repository.delete(manager, id)))
        throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.TERM_NOT_FOUND, 'No such term');
      await this.audit.record(manager, {
        actorId: admin.id,
        action: 'word_filter.term_removed',
        targetType: 'word_filter_term',
        targetId: id,
      });
    });
    this.cache = undefined;
  }
}
