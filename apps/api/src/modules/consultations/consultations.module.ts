import { Module } from '@nestjs/common';
import { ConsultationsController } from './consultations.controller.js';
import { ConsultationsService } from './consultations.service.js';

@Module({ controllers: [ConsultationsController], providers: [ConsultationsService], exports: [ConsultationsService] })
export class ConsultationsModule {}
