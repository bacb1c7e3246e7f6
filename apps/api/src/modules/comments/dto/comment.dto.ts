import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import {
  COMMENT_MAX_LENGTH,
  COMMENT_SORTS,
  COMMENT_STATUSES,
  PAGE_LIMIT_DEFAULT,
  PAGE_LIMIT_MAX,
  REACTION_KINDS,
  STAKEHOLDER_TYPE_CODES,
  STANCES,
  type StakeholderTypeCode,
  type Comment,
  type CommentSort,
  type CommentStatus,
  type CreateCommentRequest,
  type ReactionKind,
  type Stance,
} from '@compact-voices/contracts';

const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/;

export class CreateCommentDto implements CreateCommentRequest {
  @ApiProperty({ maxLength: COMMENT_MAX_LENGTH, description: 'Markdown (safe subset: emphasis, lists, quotes, code, links)' })
  @IsString()
  @MaxLength(COMMENT_MAX_LENGTH)
  @Matches(/\S/, { message: 'body must not be blank' })
  body!: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @ApiPropertyOptional({ example: 'NPL', description: 'The country the comment is about' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/)
  countryIso3?: string;

  @ApiPropertyOptional({ enum: STANCES })
  @IsOptional()
  @IsIn(STANCES)
  stance?: Stance;

  @ApiPropertyOptional({ example: 'ne', description: 'BCP 47 language tag' })
  @IsOptional()
  @Matches(LANGUAGE_TAG)
  language?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'Speak for this organisation (null: in your own name; omitted: your default)',
  })
  @ValidateIf((_object, value) => value !== null)
  @IsOptional()
  @IsUUID()
  actingOrganisationId?: string | null;
}

export class UpdateCommentDto {
  @ApiProperty({ maxLength: COMMENT_MAX_LENGTH })
  @IsString()
  @MaxLength(COMMENT_MAX_LENGTH)
  @Matches(/\S/, { message: 'body must not be blank' })
  body!: string;
}

export class ReactionDto {
  @ApiProperty({ enum: REACTION_KINDS, nullable: true, description: 'null clears your reaction' })
  @ValidateIf((_object, value) => value !== null)
  @IsIn(REACTION_KINDS)
  kind!: ReactionKind | null;
}

export class ListCommentsQueryDto {
  @ApiPropertyOptional({ enum: COMMENT_SORTS, default: 'newest' })
  @IsOptional()
  @IsIn(COMMENT_SORTS)
  sort?: CommentSort;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  @Matches(/^[A-Za-z0-9_-]+$/)
  cursor?: string;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: PAGE_LIMIT_MAX,
    default: PAGE_LIMIT_DEFAULT,
    description: 'Top-level comments per page (each with its replies)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE_LIMIT_MAX)
  limit?: number;
}

export class SearchCommentsQueryDto {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MaxLength(200)
  @Matches(/\S/, { message: 'q must not be blank' })
  q!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: PAGE_LIMIT_MAX })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE_LIMIT_MAX)
  limit?: number;
}

class CommentOrganisationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'The secretariat confirmed the organisation is who it says it is' }) verified!: boolean;
}

class CommentAuthorDto {
  @ApiProperty() displayName!: string;
  @ApiPropertyOptional({ enum: STAKEHOLDER_TYPE_CODES }) stakeholderType?: StakeholderTypeCode;
  @ApiPropertyOptional({ type: CommentOrganisationDto, nullable: true }) organisation?: CommentOrganisationDto | null;
  @ApiPropertyOptional({ nullable: true }) countryIso3?: string | null;
}

class ReactionsDto {
  @ApiProperty() agree!: number;
  @ApiProperty() disagree!: number;
  @ApiPropertyOptional({ enum: REACTION_KINDS, nullable: true }) mine?: ReactionKind | null;
}

class PendingEditDto {
  @ApiProperty() body!: string;
  @ApiProperty() bodyHtml!: string;
  @ApiProperty() submittedAt!: string;
}

export class CommentDto implements Comment {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) consultationId!: string;
  @ApiProperty() recommendationCode!: string;
  @ApiProperty({ type: String, nullable: true }) parentId!: string | null;
  @ApiProperty({ minimum: 0, maximum: 3 }) depth!: number;
  @ApiProperty() body!: string;
  @ApiProperty() bodyHtml!: string;
  @ApiProperty({ type: String, nullable: true }) language!: string | null;
  @ApiProperty({ enum: STANCES, nullable: true }) stance!: Stance | null;
  @ApiProperty({ type: String, nullable: true }) countryIso3!: string | null;
  @ApiProperty({ type: CommentAuthorDto, nullable: true }) author!: CommentAuthorDto | null;
  @ApiProperty({ enum: COMMENT_STATUSES }) status!: CommentStatus;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) editedAt!: string | null;
  @ApiProperty({ type: ReactionsDto }) reactions!: ReactionsDto;
  @ApiPropertyOptional() mine?: boolean;
  @ApiPropertyOptional({ type: PendingEditDto, nullable: true, description: 'An edit waiting for review: its author and moderators only' })
  pendingEdit?: PendingEditDto | null;
}

export class CommentRevisionDto {
  @ApiProperty() body!: string;
  @ApiProperty() bodyHtml!: string;
  @ApiProperty({ description: 'When this text was replaced' }) replacedAt!: string;
}

export class CommentRevisionListDto {
  @ApiProperty({ type: [CommentRevisionDto] }) items!: CommentRevisionDto[];
}

export class CommentPageDto {
  @ApiProperty({ type: [CommentDto] }) items!: CommentDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
  @ApiProperty({ description: 'The thread’s latest event seq when the page was read; follow live events from here' }) lastSeq!: number;
}

export class CommentListDto {
  @ApiProperty({ type: [CommentDto] }) items!: CommentDto[];
}
