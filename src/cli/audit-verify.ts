// `npm run audit:verify`: walks the audit trail and exits 1, naming where, if the chain is broken.
import { getPayload } from 'payload'

import { describeResult } from '../domain/audit-chain'

process.env.JOBS = 'off'
const { default: config } = await import('../../payload.config')
const payload = await getPayload({ config })
const { verifyAudit } = await import('../services/audit')
const result = await verifyAudit(payload)
console.log(describeResult(result))
process.exit(result.ok ? 0 : 1)
