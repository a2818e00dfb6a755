import * as migration_20261122_135814_initial from './20261122_135814_initial';
import * as migration_20261122_150142_work_calendar from './20261122_150142_work_calendar';
import * as migration_20261122_163913_workflow from './20261122_163913_workflow';
import * as migration_20261202_082904_disclosure from './20261202_082904_disclosure';
import * as migration_20261202_150329_shared_state from './20261202_150329_shared_state';

export const migrations = [
  {
    up: migration_20261122_135814_initial.up,
    down: migration_20261122_135814_initial.down,
    name: '20261122_135814_initial',
  },
  {
    up: migration_20261122_150142_work_calendar.up,
    down: migration_20261122_150142_work_calendar.down,
    name: '20261122_150142_work_calendar',
  },
  {
    up: migration_20261122_163913_workflow.up,
    down: migration_20261122_163913_workflow.down,
    name: '20261122_163913_workflow',
  },
  {
    up: migration_20261202_082904_disclosure.up,
    down: migration_20261202_082904_disclosure.down,
    name: '20261202_082904_disclosure',
  },
  {
    up: migration_20261202_150329_shared_state.up,
    down: migration_20261202_150329_shared_state.down,
    name: '20261202_150329_shared_state'
  },
];
