import { Module } from '@nestjs/common';
import { StatisticheController } from './statistiche.controller';

@Module({ controllers: [StatisticheController] })
export class StatisticheModule {}
