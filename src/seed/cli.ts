// `npm run seed`: the platform data (work calendar, classification lists) and the demo platform
// into an empty database — the same as the server's first start.
import { getPayload } from 'payload'

const { default: config } = await import('../../payload.config')
const payload = await getPayload({ config })
const { ensurePlatformData } = await import('./platform')
const platform = await ensurePlatformData(payload)
if (platform.calendar) console.log(`已导入工作日历：${platform.calendar.days} 天`)
if (platform.classifications) console.log(`已导入主题与体裁分类：${platform.classifications} 项`)
const { seedIfEmpty } = await import('./index')
const result = await seedIfEmpty(payload)
console.log(
  result ? `已生成演示数据：${JSON.stringify(result)}` : '数据库中已有站点，未生成演示数据',
)
process.exit(0)
