import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { SUBREGIONS, type Subregion } from '@compact-voices/contracts';

export class ListCountriesQueryDto {
  @ApiPropertyOptional({ enum: SUBREGIONS })
  @IsOptional()
  @IsIn(SUBREGIONS)
  subregion?: Subregion;

  @ApiPropertyOptional({ type: Boolean, description: 'true: ESCAP members and associate members; false: destinations outside the region' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  inRegion?: boolean;
}
