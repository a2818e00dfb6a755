// `npm run seed`: seed the demo platform into an empty database.
import { getPayload } from 'payload'

const { default: config } = await import('../../payload.config')
const payload = await getPayload({ config })
const { seedIfEmpty } = await import('./index')
const result = await seedIfEmpty(payload)
console.log(
  result ? `已生成演示数据：${JSON.stringify(result)}` : '数据库中已有站点，未生成演示数据',
)
process.exit(0)
