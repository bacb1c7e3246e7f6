import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ErrorBodyDto } from '../../core/errors/error-body.dto.js';
import { Public } from '../../core/auth/access.decorator.js';
import { ClientContext, type RequestContext } from '../../core/http/client-context.js';
import { ExportFiltersDto } from '../exports/dto/export.dto.js';
import { DashboardService } from './dashboard.service.js';

@ApiTags('dashboard')
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get()
  @Public()
  @Header('Cache-Control', 'public, max-age=30')
  @ApiOperation({
    summary:
      'Dashboard aggregates with the export filters, from published figures only: heatmap, distributions, perception gaps, participation',
    description:
      'Every figure is a sum of published cell figures (at least 5 people each, changing only in batches of at least 5). Time filters are whole UTC days at least 7 days apart; ratings are shown as published before the day given as to. A stakeholder-type filter shows medians only.',
  })
  @ApiOkResponse({ description: 'Dashboard' })
  @ApiTooManyRequestsResponse({
    type: ErrorBodyDto,
    description: 'TOO_MANY_REQUESTS: too many new questions from this address in a minute',
  })
  get(@Query() filters: ExportFiltersDto, @ClientContext() client: RequestContext) {
    return this.dashboard.dashboard({ ...filters }, client.ip);
  }
}
