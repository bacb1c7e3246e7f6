import { readFileSync } from 'node:fs';
import { HttpStatus, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { ErrorCode, LOCALES, type ListResponse, type LocaleCode } from '@compact-voices/contracts';
import { AuditService } from '../../core/audit/audit.service.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { ApiException } from '../../core/errors/api.exception.js';
import type { HouseRuleDto, PublishRuleDto } from './dto/house-rule.dto.js';
import { HouseRulesRepository } from './house-rules.repository.js';

const translated = z.strictObject(
  Object.fromEntries(LOCALES.map(({ code }) => [code, z.string().min(1)])) as Record<LocaleCode, z.ZodString>,
);
const rulesFile = z.array(z.strictObject({ code: z.string().regex(/^R[0-9]{1,3}$/), title: translated, text: translated })).min(1);

/**
 * The published house rules every moderation decision cites. The reviewed first versions live in
 * ./data/house-rules.json (every shipped language) and are loaded when a code has no version yet;
 * a language added to the file later is added to the versions whose English it matches. Later
 * versions are published by admins and never overwritten.
 */
@Injectable()
export class HouseRulesService implements OnModuleInit {
  private readonly logger = new Logger(HouseRulesService.name);

  constructor(
    private readonly repository: HouseRulesRepository,
    private readonly audit: AuditService,
  ) {}

  async onModuleInit(): Promise<void> {
    const rules = rulesFile.parse(JSON.parse(readFileSync(new URL('./data/house-rules.json', import.meta.url), 'utf8')));
    const inserted = await this.repository.insertFirstVersions(JSON.stringify(rules));
    if (inserted > 0) this.logger.log({ rules: inserted }, 'house rules published');
    const translated = await this.repository.addMissingTranslations(JSON.stringify(rules));
    if (translated > 0) this.logger.log({ versions: translated }, 'house rules: new languages added');
  }

  /** The version in force of every rule, in one language (English where a translation is missing). */
  async current(locale: LocaleCode = 'en'): Promise<ListResponse<HouseRuleDto>> {
    const items: HouseRuleDto[] = await this.repository.current(locale);
    // R1, R2 … R10 in numeric order.
    items.sort((a, b) => Number(a.code.slice(1)) - Number(b.code.slice(1)));
    return { items };
  }

  /** The version in force of a rule, for a decision to cite (422 when there is no such rule). */
  async inForce(code: string, manager?: EntityManager): Promise<{ code: string; version: number }> {
    const row = await this.repository.latest(code, manager);
    if (!row) {
      throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.RULE_NOT_FOUND, `No published house rule ${code}`, [
        { field: 'ruleCode', reason: 'unknown', message: 'Not a published house rule' },
      ]);
    }
    return row;
  }

  /** A new version of an existing rule (admin; audit-logged). */
  async publish(admin: AuthUser, code: string, dto: PublishRuleDto): Promise<HouseRuleDto> {
    return this.repository.transaction(async (manager) => {
      const current = await this.repository.lockLatestVersion(manager, code);
      if (current === undefined) throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.NOT_FOUND, `No house rule ${code}`);
      const version = current + 1;
      await this.repository.insertVersion(manager, {
        code,
        version,
        title: JSON.stringify(dto.title),
        text: JSON.stringify(dto.text),
        publishedBy: admin.id,
      });
      await this.audit.record(manager, {
        actorId: admin.id,
        action: 'rule.published',
        targetType: 'house_rule',
        targetId: code,
        details: { version },
      });
      return (await this.repository.findInEnglish(manager, code, version))!;
    });
  }
}
