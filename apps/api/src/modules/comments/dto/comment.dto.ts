import { SchemaDto } from '../../../core/http/schema-dto.js';
import {
  createCommentSchema,
  updateCommentSchema,
  reactionSchema,
  listCommentsQuerySchema,
  searchCommentsQuerySchema,
  commentSchema,
} from '@compact-voices/contracts/schemas';
import { ApiProperty } from '@nestjs/swagger';

export class CreateCommentDto extends SchemaDto(createCommentSchema) {}

export class UpdateCommentDto extends SchemaDto(updateCommentSchema) {}

export class ReactionDto extends SchemaDto(reactionSchema) {}

export class ListCommentsQueryDto extends SchemaDto(listCommentsQuerySchema) {}

export class SearchCommentsQueryDto extends SchemaDto(searchCommentsQuerySchema) {}

export class CommentDto extends SchemaDto(commentSchema) {}

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
