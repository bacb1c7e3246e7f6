import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { HealthResponse, ReadinessResponse } from '@compact-voices/contracts';

export class HealthResponseDto implements HealthResponse {
  @ApiProperty({ enum: ['ok', 'error'] }) status!: 'ok' | 'error';
  @ApiPropertyOptional({ enum: ['up', 'down'], description: 'As last seen by readiness' }) database?: 'up' | 'down';
}

export class ReadinessResponseDto implements ReadinessResponse {
  @ApiProperty({ enum: ['ok', 'degraded', 'error'], description: 'degraded (200): Redis unreachable, live events stay on this instance' })
  status!: 'ok' | 'degraded' | 'error';
  @ApiProperty({ enum: ['up', 'down'] }) database!: 'up' | 'down';
  @ApiProperty({ enum: ['up', 'down', 'not-configured'] }) redis!: 'up' | 'down' | 'not-configured';
  @ApiProperty() accepting!: boolean;
}
