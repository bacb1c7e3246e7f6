import { SchemaDto } from '../../../core/http/schema-dto.js';
import { exportFiltersSchema, createExportSchema, localeQuerySchema } from '@compact-voices/contracts/schemas';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  EXPORT_DATASETS,
  EXPORT_FORMATS,
  EXPORT_PRIVACY_LEVELS,
  EXPORT_STATUSES,
  type ExportDataset,
  type ExportFormat,
  type ExportPrivacy,
  type ExportStatus,
} from '@compact-voices/contracts';

export class ExportFiltersDto extends SchemaDto(exportFiltersSchema) {}

export class CreateExportDto extends SchemaDto(createExportSchema) {}

/** ?locale= of a codebook: its language (English by default). */
export class CodebookQueryDto extends SchemaDto(localeQuerySchema) {}

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
