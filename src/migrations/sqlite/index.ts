import * as migration_20261202_162349_initial from './20261202_162349_initial';

export const migrations = [
  {
    up: migration_20261202_162349_initial.up,
    down: migration_20261202_162349_initial.down,
    name: '20261202_162349_initial'
  },
];
