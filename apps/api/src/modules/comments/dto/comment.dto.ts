import { SchemaDto } from '../../../core/http/schema-dto.js';
import {
  createCommentSchema,
  updateCommentSchema,
  reactionSchema,
  listCommentsQuerySchema,
  searchCommentsQuerySchema,
} from '@compact-voices/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  COMMENT_STATUSES,
  REACTION_KINDS,
  STAKEHOLDER_TYPE_CODES,
  STANCES,
  type StakeholderTypeCode,
  type Comment,
  type CommentStatus,
  type ReactionKind,
  type Stance,
} from '@compact-voices/contracts';

export class CreateCommentDto extends SchemaDto(createCommentSchema) {}

export class UpdateCommentDto extends SchemaDto(updateCommentSchema) {}

export class ReactionDto extends SchemaDto(reactionSchema) {}

export class ListCommentsQueryDto extends SchemaDto(listCommentsQuerySchema) {}

export class SearchCommentsQueryDto extends SchemaDto(searchCommentsQuerySchema) {}

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
