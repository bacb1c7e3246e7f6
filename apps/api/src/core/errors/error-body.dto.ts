import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ErrorBody, ErrorDetail } from '@compact-voices/contracts';

export class ErrorDetailDto implements ErrorDetail {
  @ApiProperty({ example: 'objective' }) field!: string;
  @ApiProperty({ example: 'max' }) reason!: string;
  @ApiProperty() message!: string;
}

export class ErrorBodyDto implements ErrorBody {
  @ApiProperty({ example: 404 }) statusCode!: number;
  @ApiProperty({ example: 'RECOMMENDATION_NOT_FOUND', description: 'Stable code; clients translate it' }) code!: string;
  @ApiProperty() message!: string;
  @ApiPropertyOptional({ type: [ErrorDetailDto] }) details?: ErrorDetailDto[];
  @ApiPropertyOptional({ description: 'Echoed X-Request-Id, for support' }) requestId?: string;
}
