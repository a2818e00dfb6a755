import pino from 'pino'

import { settings } from './settings'

export const logger = pino({ level: settings.logLevel, base: { role: settings.role } })
