import { Module } from '@nestjs/common';
import { ConsultationsController } from './consultations.controller.js';
import { ConsultationsService } from './consultations.service.js';
import { ConsultationsRepository } from './consultations.repository.js';
import { DisclosureModule } from '../disclosure/disclosure.module.js';

@Module({
  imports: [DisclosureModule],
  controllers: [ConsultationsController],
  providers: [ConsultationsService, ConsultationsRepository],
  exports: [ConsultationsService],
})
export class ConsultationsModule {}
