import { readFileSync } from 'node:fs';
import { HttpStatus, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { ErrorCode, type ListResponse, type LocaleCode } from '@compact-voices/contracts';
import { AuditService } from '../../core/audit/audit.service.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { ApiException } from '../../core/errors/api.exception.js';
import type { HouseRuleDto, PublishRuleDto } from './dto/house-rule.dto.js';
import { isoTimestamp } from '../../core/database/sql.js';

const translated = z.strictObject({ en: z.string().min(1), id: z.string().min(1), ur: z.string().min(1) });
const rulesFile = z.array(z.strictObject({ code: z.string().regex(/^R[0-9]{1,3}$/), title: translated, text: translated })).min(1);

/**
 * The published house rules every moderation decision cites. The reviewed first versions live in
 * ./data/house-rules.json (every shipped language) and are loaded when a code has no version yet;
 * later versions are published by admins and never overwritten.
 */
@Injectable()
export class HouseRulesService implements OnModuleInit {
  private readonly logger = new Logger(HouseRulesService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async onModuleInit(): Promise<void> {
    const rules = rulesFile.parse(JSON.parse(readFileSync(new URL('./data/house-rules.json', import.meta.url), 'utf8')));
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO house_rule (code, version, title, text)
       SELECT code, 1, title, text FROM jsonb_to_recordset($1::jsonb) AS x(code text, title jsonb, text jsonb)
       WHERE NOT EXISTS (SELECT 1 FROM house_rule h WHERE h.code = x.code)
       RETURNING code`,
      [JSON.stringify(rules)],
    );
    if (inserted.length > 0) this.logger.log({ rules: inserted.length }, 'house rules published');
  }

  /** The version in force of every rule, in one language (English where a translation is missing). */
  async current(locale: LocaleCode = 'en'): Promise<ListResponse<HouseRuleDto>> {
    const items: HouseRuleDto[] = await this.dataSource.query(
      `SELECT DISTINCT ON (code) code, version,
              COALESCE(title ->> $1, title ->> 'en') AS title, COALESCE(text ->> $1, text ->> 'en') AS text,
              CASE WHEN title ? $1 AND text ? $1 THEN $1 ELSE 'en' END AS language,
              ${isoTimestamp('published_at')} AS "publishedAt"
       FROM house_rule ORDER BY code, version DESC`,
      [locale],
    );
    // R1, R2 … R10 in numeric order.
    items.sort((a, b) => Number(a.code.slice(1)) - Number(b.code.slice(1)));
    return { items };
  }

  /** The version in force of a rule, for a decision to cite (422 when there is no such rule). */
  async inForce(code: string, manager: EntityManager = this.dataSource.manager): Promise<{ code: string; version: number }> {
    const [row]: Array<{ code: string; version: number }> = await manager.query(
      `SELECT code, version FROM house_rule WHERE code = $1 ORDER BY version DESC LIMIT 1`,
      [code],
    );
    if (!row) {
      throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.RULE_NOT_FOUND, `No published house rule ${code}`, [
        { field: 'ruleCode', reason: 'unknown', message: 'Not a published house rule' },
      ]);
    }
    return row;
  }

  /** A new version of an existing rule (admin; audit-logged). */
  async publish(admin: AuthUser, code: string, dto: PublishRuleDto): Promise<HouseRuleDto> {
    return this.dataSource.transaction(async (manager) => {
      const [current]: Array<{ version: number }> = await manager.query(
        `SELECT version FROM house_rule WHERE code = $1 ORDER BY version DESC LIMIT 1 FOR UPDATE`,
        [code],
      );
      if (!current) throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.NOT_FOUND, `No house rule ${code}`);
      const version = current.version + 1;
      await manager.query(`INSERT INTO house_rule (code, version, title, text, published_by) VALUES ($1, $2, $3, $4, $5)`, [
        code,
        version,
        JSON.stringify(dto.title),
        JSON.stringify(dto.text),
        admin.id,
      ]);
      await this.audit.record(manager, {
        actorId: admin.id,
        action: 'rule.published',
        targetType: 'house_rule',
        targetId: code,
        details: { version },
      });
      const [row]: HouseRuleDto[] = await manager.query(
        `SELECT code, version, title ->> 'en' AS title, text ->> 'en' AS text, 'en' AS language,
                ${isoTimestamp('published_at')} AS "publishedAt"
         FROM house_rule WHERE code = $1 AND version = $2`,
        [code, version],
      );
      return row!;
    });
  }
}
