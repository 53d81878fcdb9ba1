import { Module } from '@nestjs/common';
import { ImpegniController } from './impegni.controller';
import { ProgrammazioneController } from './programmazione.controller';
import { QuoteComuniController } from './quote-comuni.controller';

@Module({ controllers: [ProgrammazioneController, ImpegniController, QuoteComuniController] })
export class BudgetModule {}
