import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../core/auth/access.decorator.js';
import { ExportFiltersDto } from '../exports/dto/export.dto.js';
import { DashboardService } from './dashboard.service.js';

@ApiTags('dashboard')
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get()
  @Public()
  @Header('Cache-Control', 'public, max-age=30')
  @ApiOperation({ summary: 'Dashboard aggregates with the export filters: heatmap, distributions, perception gaps, participation (cells under 5 raters withheld)' })
  @ApiOkResponse({ description: 'Dashboard' })
  get(@Query() filters: ExportFiltersDto) {
    return this.dashboard.dashboard({ ...filters });
  }
}
