import { Body, Controller, Get, Header, Patch, Post, Put } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode } from '@compact-voices/contracts';
import { Public, Roles } from '../../core/auth/access.decorator.js';
import { CurrentUser, type AuthUser } from '../../core/auth/auth-user.js';
import { ErrorBodyDto } from '../../core/errors/error-body.dto.js';
import { UuidParam } from '../../core/http/uuid-param.js';
import { ConsultationsService } from './consultations.service.js';
import {
  ConsultationDto,
  ConsultationListDto,
  CoverageListDto,
  CreateConsultationDto,
  ModeratorListDto,
  SetModeratorsDto,
  UpdateConsultationDto,
} from './dto/consultation.dto.js';

@ApiTags('consultations')
@Controller('consultations')
export class ConsultationsController {
  constructor(private readonly consultations: ConsultationsService) {}

  @Get()
  @Public()
  @Header('Cache-Control', 'no-cache')
  @ApiOperation({ summary: 'Consultation rounds (drafts only for admins)' })
  @ApiOkResponse({ type: ConsultationListDto })
  list(@CurrentUser() viewer?: AuthUser) {
    return this.consultations.list(viewer);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create a round (admin); it starts as a draft' })
  @ApiCreatedResponse({ type: ConsultationDto })
  create(@CurrentUser() admin: AuthUser, @Body() dto: CreateConsultationDto) {
    return this.consultations.create(admin, dto);
  }

  @Get(':id')
  @Public()
  @Header('Cache-Control', 'no-cache')
  @ApiOperation({ summary: 'One round' })
  @ApiOkResponse({ type: ConsultationDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'CONSULTATION_NOT_FOUND' })
  get(@UuidParam('id', ErrorCode.CONSULTATION_NOT_FOUND) id: string, @CurrentUser() viewer?: AuthUser) {
    return this.consultations.get(id, viewer);
  }

  @Get(':id/coverage')
  @Public()
  @Header('Cache-Control', 'no-cache')
  @ApiOperation({ summary: 'Per recommendation in scope: how many people rated it, for how many countries, and its comments' })
  @ApiOkResponse({ type: CoverageListDto })
  coverage(@UuidParam('id', ErrorCode.CONSULTATION_NOT_FOUND) id: string, @CurrentUser() viewer?: AuthUser) {
    return this.consultations.coverage(id, viewer);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Edit a round or move its status (admin; audit-logged)' })
  @ApiOkResponse({ type: ConsultationDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'INVALID_STATUS_TRANSITION' })
  update(
    @CurrentUser() admin: AuthUser,
    @UuidParam('id', ErrorCode.CONSULTATION_NOT_FOUND) id: string,
    @Body() dto: UpdateConsultationDto,
  ) {
    return this.consultations.update(admin, id, dto);
  }

  @Get(':id/moderators')
  @Roles('admin')
  @ApiOperation({ summary: 'The moderators of a round (admin)' })
  @ApiOkResponse({ type: ModeratorListDto })
  moderators(@UuidParam('id', ErrorCode.CONSULTATION_NOT_FOUND) id: string) {
    return this.consultations.moderators(id);
  }

  @Put(':id/moderators')
  @Roles('admin')
  @ApiOperation({ summary: 'Set the moderators of a round (admin; audit-logged)' })
  @ApiOkResponse({ type: ModeratorListDto })
  setModerators(
    @CurrentUser() admin: AuthUser,
    @UuidParam('id', ErrorCode.CONSULTATION_NOT_FOUND) id: string,
    @Body() dto: SetModeratorsDto,
  ) {
    return this.consultations.setModerators(admin, id, dto.userIds);
  }

  @Get(':id/safeguarding-officers')
  @Roles('admin')
  @ApiOperation({ summary: 'Who handles the round’s safeguarding concerns (admin); while nobody does, admins do' })
  @ApiOkResponse({ type: ModeratorListDto })
  safeguardingOfficers(@UuidParam('id', ErrorCode.CONSULTATION_NOT_FOUND) id: string) {
    return this.consultations.safeguardingOfficers(id);
  }

  @Put(':id/safeguarding-officers')
  @Roles('admin')
  @ApiOperation({ summary: 'Set the round’s safeguarding officers (admin; audit-logged)' })
  @ApiOkResponse({ type: ModeratorListDto })
  setSafeguardingOfficers(
    @CurrentUser() admin: AuthUser,
    @UuidParam('id', ErrorCode.CONSULTATION_NOT_FOUND) id: string,
    @Body() dto: SetModeratorsDto,
  ) {
    return this.consultations.setSafeguardingOfficers(admin, id, dto.userIds);
  }
}
