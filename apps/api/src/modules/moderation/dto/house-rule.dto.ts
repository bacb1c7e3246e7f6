import { SchemaDto } from '../../../core/http/schema-dto.js';
import { rulesQuerySchema, publishRuleSchema } from '@compact-voices/contracts/schemas';
import { ApiProperty } from '@nestjs/swagger';
import { LOCALES } from '@compact-voices/contracts';

const LOCALE_CODES = LOCALES.map((locale) => locale.code);

export class RulesQueryDto extends SchemaDto(rulesQuerySchema) {}

export class PublishRuleDto extends SchemaDto(publishRuleSchema) {}

export class HouseRuleDto {
  @ApiProperty({ example: 'R2' }) code!: string;
  @ApiProperty() title!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ description: 'Decisions cite the version in force when they were made' }) version!: number;
  @ApiProperty({ enum: LOCALE_CODES, description: 'The language title and text are in' }) language!: string;
  @ApiProperty() publishedAt!: string;
}

export class HouseRuleListDto {
  @ApiProperty({ type: [HouseRuleDto] }) items!: HouseRuleDto[];
}
