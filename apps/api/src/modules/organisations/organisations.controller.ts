import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorCode } from '@compact-voices/contracts';
import { Authenticated, Public, Roles } from '../../core/auth/access.decorator.js';
import { CurrentUser, type AuthUser } from '../../core/auth/auth-user.js';
import { ErrorBodyDto } from '../../core/errors/error-body.dto.js';
import { UuidParam } from '../../core/http/uuid-param.js';
import {
  CreateOrganisationDto,
  ListOrganisationsQueryDto,
  MembershipRequestDto,
  OrganisationDto,
  OrganisationListDto,
  OrganisationMemberDto,
  OrganisationMemberListDto,
} from './dto/organisations.dto.js';
import { OrganisationsService } from './organisations.service.js';

const MEMBER_REF = 'The membership id (memberId). An account id also works for yourself, and for members in public mode';

@ApiTags('organisations')
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Registered organisations (public details only)' })
  @ApiOkResponse({ type: OrganisationListDto })
  list(@Query() query: ListOrganisationsQueryDto) {
    return this.organisations.list(query);
  }

  @Post()
  @Authenticated()
  @ApiOperation({ summary: 'Register an organisation; you become its admin' })
  @ApiCreatedResponse({ type: OrganisationDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'ORGANISATION_EXISTS' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateOrganisationDto) {
    return this.organisations.create(user, dto);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'One organisation' })
  @ApiOkResponse({ type: OrganisationDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'ORGANISATION_NOT_FOUND' })
  get(@UuidParam('id', ErrorCode.ORGANISATION_NOT_FOUND) id: string) {
    return this.organisations.get(id);
  }

  @Post(':id/verify')
  @Roles('admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Mark an organisation verified (secretariat)' })
  @ApiOkResponse({ type: OrganisationDto })
  verify(@CurrentUser() user: AuthUser, @UuidParam('id', ErrorCode.ORGANISATION_NOT_FOUND) id: string) {
    return this.organisations.verify(user, id);
  }

  @Post(':id/join')
  @Authenticated()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Ask to join; an organisation admin accepts' })
  @ApiAcceptedResponse({ type: MembershipRequestDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'ALREADY_MEMBER' })
  join(@CurrentUser() user: AuthUser, @UuidParam('id', ErrorCode.ORGANISATION_NOT_FOUND) id: string) {
    return this.organisations.requestToJoin(user, id);
  }

  @Get(':id/members')
  @Authenticated()
  @ApiOperation({ summary: 'Members and pending requests (organisation admins, secretariat)' })
  @ApiOkResponse({ type: OrganisationMemberListDto })
  members(@CurrentUser() user: AuthUser, @UuidParam('id', ErrorCode.ORGANISATION_NOT_FOUND) id: string) {
    return this.organisations.members(user, id);
  }

  @Post(':id/members/:memberId/accept')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Accept a request to join (organisation admins)' })
  @ApiParam({ name: 'memberId', description: MEMBER_REF })
  @ApiOkResponse({ type: OrganisationMemberDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'MEMBERSHIP_NOT_FOUND' })
  accept(
    @CurrentUser() user: AuthUser,
    @UuidParam('id', ErrorCode.ORGANISATION_NOT_FOUND) id: string,
    @UuidParam('memberId', ErrorCode.MEMBERSHIP_NOT_FOUND) memberId: string,
  ) {
    return this.organisations.accept(user, id, memberId);
  }

  @Delete(':id/members/:memberId')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove a member or decline a request (organisation admins); leave (yourself)' })
  @ApiParam({ name: 'memberId', description: MEMBER_REF })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'MEMBERSHIP_NOT_FOUND' })
  remove(
    @CurrentUser() user: AuthUser,
    @UuidParam('id', ErrorCode.ORGANISATION_NOT_FOUND) id: string,
    @UuidParam('memberId', ErrorCode.MEMBERSHIP_NOT_FOUND) memberId: string,
  ) {
    return this.organisations.remove(user, id, memberId);
  }
}
