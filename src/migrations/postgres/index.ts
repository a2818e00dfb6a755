import * as migration_20261122_135823_initial from './20261122_135823_initial';

export const migrations = [
  {
    up: migration_20261122_135823_initial.up,
    down: migration_20261122_135823_initial.down,
    name: '20261122_135823_initial'
  },
];
