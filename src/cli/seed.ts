// `npm run seed`: the demo platform into an empty database — the same as the server's first
// start (the platform data comes from Payload's onInit, wherever Payload starts).
import { getPayload } from 'payload'

const { default: config } = await import('../../payload.config')
const payload = await getPayload({ config })
// Payload's onInit has already put the platform data (work calendar, classifications) in place.
const calendarDays = await payload.count({ collection: 'work-calendar', overrideAccess: true })
console.log(`工作日历：${calendarDays.totalDocs} 天`)
const { seedIfEmpty } = await import('../seed')
const result = await seedIfEmpty(payload)
console.log(
  result ? `已生成演示数据：${JSON.stringify(result)}` : '数据库中已有站点，未生成演示数据',
)
process.exit(0)
