import { Body, Controller, Get, Header, HttpStatus, Param, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode } from '@compact-voices/contracts';
import { Public, Roles } from '../../core/auth/access.decorator.js';
import { CurrentUser, type AuthUser } from '../../core/auth/auth-user.js';
import { ApiException } from '../../core/errors/api.exception.js';
import { HouseRuleDto, HouseRuleListDto, PublishRuleDto, RulesQueryDto } from './dto/house-rule.dto.js';
import { HouseRulesService } from './house-rules.service.js';

@ApiTags('moderation')
@Controller('rules')
export class HouseRulesController {
  constructor(private readonly rules: HouseRulesService) {}

  @Get()
  @Public()
  @Header('Cache-Control', 'public, max-age=60')
  @ApiOperation({ summary: 'The published house rules (the version in force of each)' })
  @ApiOkResponse({ type: HouseRuleListDto })
  list(@Query() query: RulesQueryDto) {
    return this.rules.current(query.locale);
  }

  @Put(':code')
  @Roles('admin')
  @ApiOperation({ summary: 'Publish a new version of a rule (admin; earlier versions stay, audit-logged)' })
  @ApiOkResponse({ type: HouseRuleDto })
  publish(@CurrentUser() admin: AuthUser, @Param('code') code: string, @Body() dto: PublishRuleDto) {
    if (!/^R[0-9]{1,3}$/.test(code)) throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.NOT_FOUND, `No house rule ${code}`);
    return this.rules.publish(admin, code, dto);
  }
}
