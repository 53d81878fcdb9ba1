import { Module } from '@nestjs/common';
import { CartelleController } from './cartelle.controller';
import { EquipeController } from './equipe.controller';

@Module({ controllers: [CartelleController, EquipeController] })
export class CartelleModule {}
