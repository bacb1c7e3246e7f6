import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
import { HOUSE_RULE_TEXT_MAX_LENGTH, LOCALES, type LocaleCode } from '@compact-voices/contracts';

const LOCALE_CODES = LOCALES.map((locale) => locale.code);

export class RulesQueryDto {
  @ApiPropertyOptional({ enum: LOCALE_CODES, description: 'Language of title and text; English where a translation is missing' })
  @IsOptional()
  @IsIn(LOCALE_CODES)
  locale?: LocaleCode;
}

/** One string per shipped language; English is required, the others fall back to it. */
export class TranslatedTextDto {
  @ApiProperty() @IsString() @Length(1, HOUSE_RULE_TEXT_MAX_LENGTH) en!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(HOUSE_RULE_TEXT_MAX_LENGTH) id?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(HOUSE_RULE_TEXT_MAX_LENGTH) ur?: string;
}

export class PublishRuleDto {
  @ApiProperty({ type: TranslatedTextDto })
  @ValidateNested()
  @Type(() => TranslatedTextDto)
  title!: TranslatedTextDto;

  @ApiProperty({ type: TranslatedTextDto })
  @ValidateNested()
  @Type(() => TranslatedTextDto)
  text!: TranslatedTextDto;
}

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
