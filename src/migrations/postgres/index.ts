import * as migration_20261122_135823_initial from './20261122_135823_initial';
import * as migration_20261122_150145_work_calendar from './20261122_150145_work_calendar';
import * as migration_20261122_163928_workflow from './20261122_163928_workflow';
import * as migration_20261202_082926_disclosure from './20261202_082926_disclosure';
import * as migration_20261202_150343_shared_state from './20261202_150343_shared_state';
import * as migration_20261202_155946_numbering_counters_job from './20261202_155946_numbering_counters_job';
import * as migration_20261202_195244_mailbox from './20261202_195244_mailbox';
import * as migration_20261203_071147_feedback from './20261203_071147_feedback';
import * as migration_20261203_100057_site_audits from './20261203_100057_site_audits';
import * as migration_20261203_101402_site_probes from './20261203_101402_site_probes';
import * as migration_20261203_103830_first_use from './20261203_103830_first_use';
import * as migration_20261203_171338_url_mappings from './20261203_171338_url_mappings';
import * as migration_20261203_234600_has_links from './20261203_234600_has_links';
import * as migration_20261204_003636_audit_thresholds from './20261204_003636_audit_thresholds';
import * as migration_20261204_005721_link_checks from './20261204_005721_link_checks';
import * as migration_20261204_041628_search from './20261204_041628_search';
import * as migration_20261204_071704_sharing from './20261204_071704_sharing';

export const migrations = [
  {
    up: migration_20261122_135823_initial.up,
    down: migration_20261122_135823_initial.down,
    name: '20261122_135823_initial',
  },
  {
    up: migration_20261122_150145_work_calendar.up,
    down: migration_20261122_150145_work_calendar.down,
    name: '20261122_150145_work_calendar',
  },
  {
    up: migration_20261122_163928_workflow.up,
    down: migration_20261122_163928_workflow.down,
    name: '20261122_163928_workflow',
  },
  {
    up: migration_20261202_082926_disclosure.up,
    down: migration_20261202_082926_disclosure.down,
    name: '20261202_082926_disclosure',
  },
  {
    up: migration_20261202_150343_shared_state.up,
    down: migration_20261202_150343_shared_state.down,
    name: '20261202_150343_shared_state',
  },
  {
    up: migration_20261202_155946_numbering_counters_job.up,
    down: migration_20261202_155946_numbering_counters_job.down,
    name: '20261202_155946_numbering_counters_job',
  },
  {
    up: migration_20261202_195244_mailbox.up,
    down: migration_20261202_195244_mailbox.down,
    name: '20261202_195244_mailbox',
  },
  {
    up: migration_20261203_071147_feedback.up,
    down: migration_20261203_071147_feedback.down,
    name: '20261203_071147_feedback',
  },
  {
    up: migration_20261203_100057_site_audits.up,
    down: migration_20261203_100057_site_audits.down,
    name: '20261203_100057_site_audits',
  },
  {
    up: migration_20261203_101402_site_probes.up,
    down: migration_20261203_101402_site_probes.down,
    name: '20261203_101402_site_probes',
  },
  {
    up: migration_20261203_103830_first_use.up,
    down: migration_20261203_103830_first_use.down,
    name: '20261203_103830_first_use',
  },
  {
    up: migration_20261203_171338_url_mappings.up,
    down: migration_20261203_171338_url_mappings.down,
    name: '20261203_171338_url_mappings',
  },
  {
    up: migration_20261203_234600_has_links.up,
    down: migration_20261203_234600_has_links.down,
    name: '20261203_234600_has_links',
  },
  {
    up: migration_20261204_003636_audit_thresholds.up,
    down: migration_20261204_003636_audit_thresholds.down,
    name: '20261204_003636_audit_thresholds',
  },
  {
    up: migration_20261204_005721_link_checks.up,
    down: migration_20261204_005721_link_checks.down,
    name: '20261204_005721_link_checks',
  },
  {
    up: migration_20261204_041628_search.up,
    down: migration_20261204_041628_search.down,
    name: '20261204_041628_search',
  },
  {
    up: migration_20261204_071704_sharing.up,
    down: migration_20261204_071704_sharing.down,
    name: '20261204_071704_sharing'
  },
];
