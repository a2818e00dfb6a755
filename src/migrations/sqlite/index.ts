import * as migration_20261202_162349_initial from './20261202_162349_initial';
import * as migration_20261202_195240_mailbox from './20261202_195240_mailbox';
import * as migration_20261203_071142_feedback from './20261203_071142_feedback';
import * as migration_20261203_100051_site_audits from './20261203_100051_site_audits';
import * as migration_20261203_101356_site_probes from './20261203_101356_site_probes';
import * as migration_20261203_103825_first_use from './20261203_103825_first_use';
import * as migration_20261203_171333_url_mappings from './20261203_171333_url_mappings';
import * as migration_20261203_234553_has_links from './20261203_234553_has_links';
import * as migration_20261204_003631_audit_thresholds from './20261204_003631_audit_thresholds';
import * as migration_20261204_005716_link_checks from './20261204_005716_link_checks';
import * as migration_20261204_041623_search from './20261204_041623_search';
import * as migration_20261204_071655_sharing from './20261204_071655_sharing';

export const migrations = [
  {
    up: migration_20261202_162349_initial.up,
    down: migration_20261202_162349_initial.down,
    name: '20261202_162349_initial',
  },
  {
    up: migration_20261202_195240_mailbox.up,
    down: migration_20261202_195240_mailbox.down,
    name: '20261202_195240_mailbox',
  },
  {
    up: migration_20261203_071142_feedback.up,
    down: migration_20261203_071142_feedback.down,
    name: '20261203_071142_feedback',
  },
  {
    up: migration_20261203_100051_site_audits.up,
    down: migration_20261203_100051_site_audits.down,
    name: '20261203_100051_site_audits',
  },
  {
    up: migration_20261203_101356_site_probes.up,
    down: migration_20261203_101356_site_probes.down,
    name: '20261203_101356_site_probes',
  },
  {
    up: migration_20261203_103825_first_use.up,
    down: migration_20261203_103825_first_use.down,
    name: '20261203_103825_first_use',
  },
  {
    up: migration_20261203_171333_url_mappings.up,
    down: migration_20261203_171333_url_mappings.down,
    name: '20261203_171333_url_mappings',
  },
  {
    up: migration_20261203_234553_has_links.up,
    down: migration_20261203_234553_has_links.down,
    name: '20261203_234553_has_links',
  },
  {
    up: migration_20261204_003631_audit_thresholds.up,
    down: migration_20261204_003631_audit_thresholds.down,
    name: '20261204_003631_audit_thresholds',
  },
  {
    up: migration_20261204_005716_link_checks.up,
    down: migration_20261204_005716_link_checks.down,
    name: '20261204_005716_link_checks',
  },
  {
    up: migration_20261204_041623_search.up,
    down: migration_20261204_041623_search.down,
    name: '20261204_041623_search',
  },
  {
    up: migration_20261204_071655_sharing.up,
    down: migration_20261204_071655_sharing.down,
    name: '20261204_071655_sharing'
  },
];
