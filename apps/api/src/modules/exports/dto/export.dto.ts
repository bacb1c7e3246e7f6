import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  EXPORT_DATASETS,
  EXPORT_FORMATS,
  EXPORT_PRIVACY_LEVELS,
  EXPORT_STATUSES,
  STAKEHOLDER_TYPE_CODES,
  type CreateExportRequest,
  type ExportDataset,
  type ExportFilters,
  type ExportFormat,
  type ExportPrivacy,
  type ExportStatus,
  type StakeholderTypeCode,
} from '@compact-voices/contracts';

/** The filters shared by the dashboard and exports (query string or JSON body). */
export class ExportFiltersDto implements ExportFilters {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() consultationId?: string;
  @ApiPropertyOptional({ example: 'PC' }) @IsOptional() @Matches(/^[A-Za-z]{2}$/) principleCode?: string;
  @ApiPropertyOptional({ example: 'PC-1' }) @IsOptional() @Matches(/^[A-Za-z]{2}-[0-9]{1,2}$/) recommendationCode?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 23 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(23) objectiveNumber?: number;
  @ApiPropertyOptional({ example: 'NPL' }) @IsOptional() @Matches(/^[A-Za-z]{3}$/) countryIso3?: string;
  @ApiPropertyOptional({ example: 'South and South-West Asia' }) @IsOptional() @IsString() @MaxLength(100) subregion?: string;
  @ApiPropertyOptional({ enum: STAKEHOLDER_TYPE_CODES }) @IsOptional() @IsIn(STAKEHOLDER_TYPE_CODES) stakeholderType?: StakeholderTypeCode;
  @ApiPropertyOptional({ description: 'ISO 8601, inclusive' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ description: 'ISO 8601, exclusive' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
}

export class CreateExportDto implements CreateExportRequest {
  @ApiProperty({ enum: EXPORT_DATASETS }) @IsIn(EXPORT_DATASETS) dataset!: ExportDataset;
  @ApiProperty({ enum: EXPORT_FORMATS }) @IsIn(EXPORT_FORMATS) format!: ExportFormat;
  @ApiProperty({
    enum: EXPORT_PRIVACY_LEVELS,
    description: 'public: pseudonymised, small cells withheld, moderated text withheld; full: account ids and names (audit-logged)',
  })
  @IsIn(EXPORT_PRIVACY_LEVELS)
  privacy!: ExportPrivacy;

  @ApiPropertyOptional({ type: ExportFiltersDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ExportFiltersDto)
  filters?: ExportFiltersDto;

  @ApiPropertyOptional({ description: 'CSV: begin with a UTF-8 byte-order mark (for Excel)' }) @IsOptional() @IsBoolean() bom?: boolean;

  @ApiPropertyOptional({ description: 'Publish this public pack of a closed round on the open-data page' })
  @IsOptional()
  @IsBoolean()
  publish?: boolean;
}

export class ExportJobDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: EXPORT_DATASETS }) dataset!: ExportDataset;
  @ApiProperty({ enum: EXPORT_FORMATS }) format!: ExportFormat;
  @ApiProperty({ enum: EXPORT_PRIVACY_LEVELS }) privacy!: ExportPrivacy;
  @ApiProperty({ type: ExportFiltersDto }) filters!: ExportFiltersDto;
  @ApiProperty({ enum: EXPORT_STATUSES }) status!: ExportStatus;
  @ApiProperty({ minimum: 0, maximum: 1 }) progress!: number;
  @ApiProperty({ type: Number, nullable: true }) rowCount!: number | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) finishedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty({ type: String, nullable: true }) fileName!: string | null;
  @ApiProperty({ type: Number, nullable: true }) sizeBytes!: number | null;
  @ApiProperty({ type: String, nullable: true }) sha256!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Single-use, 15 minutes, this browser session only' }) downloadUrl?:
    string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) downloadExpiresAt?: string | null;
}

export class ExportJobListDto {
  @ApiProperty({ type: [ExportJobDto] }) items!: ExportJobDto[];
}

export class OpenDataPackDto {
  @ApiProperty({ format: 'uuid' }) consultationId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() closesAt!: string;
  @ApiProperty() publishedAt!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty() sha256!: string;
  @ApiProperty() downloadUrl!: string;
  @ApiProperty() codebookUrl!: string;
  @ApiProperty({ type: Object }) rowCounts!: Record<string, number>;
}

export class OpenDataListDto {
  @ApiProperty({ type: [OpenDataPackDto] }) items!: OpenDataPackDto[];
}

export class DownloadTokenParam {
  @IsString() @Matches(/^[A-Za-z0-9_-]{43}$/) token!: string;
}
