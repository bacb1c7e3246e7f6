import { Body, Controller, Get, Header, HttpStatus, Param, Put, Query } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode } from '@compact-voices/contracts';
import { Authenticated, Public } from '../../core/auth/access.decorator.js';
import { CurrentUser, type AuthUser } from '../../core/auth/auth-user.js';
import { ApiException } from '../../core/errors/api.exception.js';
import { ErrorBodyDto } from '../../core/errors/error-body.dto.js';
import { UuidParam } from '../../core/http/uuid-param.js';
import { Idempotent } from '../idempotency/idempotency.interceptor.js';
import {
  OfficialAssessmentDto,
  PutOfficialAssessmentDto,
  PutRatingDto,
  RatingDto,
  RatingListDto,
  RatingSummaryDto,
  SummaryQueryDto,
} from './dto/rating.dto.js';
import { RatingsService } from './ratings.service.js';

const ISO3 = /^[A-Z]{3}$/;

@ApiTags('ratings')
@Controller('consultations/:id/recommendations/:code')
export class RatingsController {
  constructor(private readonly ratings: RatingsService) {}

  @Put('ratings/:iso3')
  @Authenticated()
  @Idempotent()
  @ApiOperation({
    summary: 'Rate implementation in a country (creates or replaces your rating; history kept)',
    description:
      'The published figures follow in batches: a rating counts once the account is verified and old enough (RATER_MIN_ACCOUNT_AGE_HOURS) and at least 5 ratings of the cell can be published together.',
  })
  @ApiOkResponse({ type: RatingDto })
  put(
    @UuidParam('id', ErrorCode.CONSULTATION_NOT_FOUND) id: string,
    @Param('code') code: string,
    @Param('iso3') iso3: string,
    @Body() dto: PutRatingDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.ratings.put(id, code, countryParam(iso3), dto, user);
  }

  @Get('ratings/mine')
  @Authenticated()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'My ratings in this thread, per country' })
  @ApiOkResponse({ type: RatingListDto })
  mine(@UuidParam('id', ErrorCode.CONSULTATION_NOT_FOUND) id: string, @Param('code') code: string, @CurrentUser() user: AuthUser) {
    return this.ratings.mine(id, code, user);
  }

  @Get('ratings/summary')
  @Public()
  @Header('Cache-Control', 'no-cache')
  @ApiOperation({
    summary: 'Published figures of a cell (or of every country pooled): distribution, median, mean, by stakeholder type, perception gap',
    description:
      'The public sees only published figures: at least 5 people who gave a score behind each number, "don\'t know" apart, changing in batches of at least 5 (docs/privacy.md). Without a country, the sum of the countries\' published figures and the mean of their gaps. Admins see every rating as it stands.',
  })
  @ApiOkResponse({ type: RatingSummaryDto })
  summary(
    @UuidParam('id', ErrorCode.CONSULTATION_NOT_FOUND) id: string,
    @Param('code') code: string,
    @Query() query: SummaryQueryDto,
    @CurrentUser() viewer?: AuthUser,
  ) {
    return this.ratings.summary(id, code, query.country, viewer);
  }

  @Put('official/:iso3')
  @Authenticated()
  @ApiOperation({ summary: "Post the country's official status (members of its verified government organisation)" })
  @ApiOkResponse({ type: OfficialAssessmentDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'NOT_GOVERNMENT_REPRESENTATIVE' })
  putOfficial(
    @UuidParam('id', ErrorCode.CONSULTATION_NOT_FOUND) id: string,
    @Param('code') code: string,
    @Param('iso3') iso3: string,
    @Body() dto: PutOfficialAssessmentDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.ratings.putOfficial(id, code, countryParam(iso3), dto, user);
  }
}

function countryParam(iso3: string): string {
  const upper = iso3.toUpperCase();
  if (!ISO3.test(upper)) throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.COUNTRY_NOT_FOUND, `No country ${iso3}`);
  return upper;
}
