import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../core/auth/access.decorator.js';
import { TransparencyDto, TransparencyQueryDto } from './dto/moderation.dto.js';
import { TransparencyService } from './transparency.service.js';

@ApiTags('moderation')
@Controller('transparency')
export class TransparencyController {
  constructor(private readonly transparency: TransparencyService) {}

  @Get()
  @Public()
  @Header('Cache-Control', 'public, max-age=60')
  @ApiOperation({ summary: 'Public moderation counts: decisions per month by rule and action, appeals, time to decision' })
  @ApiOkResponse({ type: TransparencyDto })
  report(@Query() query: TransparencyQueryDto) {
    return this.transparency.report(query.consultationId);
  }
}
