import { Module } from '@nestjs/common';
import { PersoneController } from './persone.controller';

@Module({ controllers: [PersoneController] })
export class PersoneModule {}
