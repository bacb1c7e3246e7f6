import { Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ErrorCode, type LocaleCode, NOTIFICATION_KINDS, type Notification, type NotificationKind } from '@compact-voices/contracts';
import { notificationsQuerySchema } from '@compact-voices/contracts/schemas';
import { Authenticated } from '../../core/auth/access.decorator.js';
import { AllowWhileSuspended } from '../../core/auth/suspension.js';
import { AllowUnverified } from '../../core/auth/unverified.js';
import { CurrentUser, type AuthUser } from '../../core/auth/auth-user.js';
import { RequestLocale } from '../../core/http/request-locale.js';
import { SchemaDto } from '../../core/http/schema-dto.js';
import { UuidParam } from '../../core/http/uuid-param.js';
import { NotificationsService } from './notifications.service.js';

class NotificationsQueryDto extends SchemaDto(notificationsQuerySchema) {}

class NotificationDto implements Notification {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind!: NotificationKind;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) readAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) decisionId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) appealId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) commentId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) consultationId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) recommendationCode?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) ruleCode?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) ruleTitle?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) reason?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) until?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) appealableUntil?: string | null;
}

class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto] }) items!: NotificationDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
  @ApiProperty() unread!: number;
}

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Authenticated()
  @AllowUnverified()
  @ApiOperation({ summary: 'Your notifications, newest first, with the unread count' })
  @ApiOkResponse({ type: NotificationPageDto })
  async list(@CurrentUser() user: AuthUser, @Query() query: NotificationsQueryDto, @RequestLocale() locale?: LocaleCode) {
    return this.notifications.list(user.id, locale ?? (await this.notifications.localeOf(user.id)), query.cursor, query.limit);
  }

  @Post('read-all')
  @Authenticated()
  @AllowUnverified()
  @AllowWhileSuspended()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Mark all your notifications read' })
  @ApiNoContentResponse()
  markAllRead(@CurrentUser() user: AuthUser) {
    return this.notifications.markAllRead(user.id);
  }

  @Post(':id/read')
  @Authenticated()
  @AllowUnverified()
  @AllowWhileSuspended()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Mark one of your notifications read' })
  @ApiNoContentResponse()
  markRead(@CurrentUser() user: AuthUser, @UuidParam('id', ErrorCode.NOTIFICATION_NOT_FOUND) id: string) {
    return this.notifications.markRead(user.id, id);
  }
}
