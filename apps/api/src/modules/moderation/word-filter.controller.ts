import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode } from '@compact-voices/contracts';
import { Roles } from '../../core/auth/access.decorator.js';
import { CurrentUser, type AuthUser } from '../../core/auth/auth-user.js';
import { ErrorBodyDto } from '../../core/errors/error-body.dto.js';
import { UuidParam } from '../../core/http/uuid-param.js';
import { WordFilterTermDto, WordFilterTermListDto, WordFilterTermRequestDto } from './dto/moderation.dto.js';
import { WordFilterService } from './word-filter.service.js';

@ApiTags('moderation')
@Controller('moderation/word-filter')
export class WordFilterController {
  constructor(private readonly wordFilter: WordFilterService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'The word filter (admin)' })
  @ApiOkResponse({ type: WordFilterTermListDto })
  list() {
    return this.wordFilter.list();
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Add a term: block at submission, hold for review, or flag (admin; audit-logged)' })
  @ApiCreatedResponse({ type: WordFilterTermDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'TERM_EXISTS' })
  create(@CurrentUser() user: AuthUser, @Body() dto: WordFilterTermRequestDto) {
    return this.wordFilter.create(user, dto.term, dto.action);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove a term (admin; audit-logged)' })
  @ApiNoContentResponse()
  remove(@CurrentUser() user: AuthUser, @UuidParam('id', ErrorCode.TERM_NOT_FOUND) id: string) {
    return this.wordFilter.remove(user, id);
  }
}
