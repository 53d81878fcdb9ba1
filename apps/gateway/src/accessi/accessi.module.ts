import { Module } from '@nestjs/common';
import { AccessiController } from './accessi.controller';

@Module({ controllers: [AccessiController] })
export class AccessiModule {}
