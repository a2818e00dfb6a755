import * as migration_20261202_162349_initial from './20261202_162349_initial';
import * as migration_20261202_195240_mailbox from './20261202_195240_mailbox';

export const migrations = [
  {
    up: migration_20261202_162349_initial.up,
    down: migration_20261202_162349_initial.down,
    name: '20261202_162349_initial',
  },
  {
    up: migration_20261202_195240_mailbox.up,
    down: migration_20261202_195240_mailbox.down,
    name: '20261202_195240_mailbox'
  },
];
