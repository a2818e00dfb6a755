// `npm run search:reindex`: makes the search index again from the database — every published
// article and every published letter (masked) of the open sites — and says how big it is.
import { getPayload } from 'payload'

import { reindexAll } from '../services/search-index'
import { searchStore } from '../services/search-store'

const { default: config } = await import('../../payload.config')
const payload = await getPayload({ config })
const store = await searchStore(payload)
let shown = 0
const { entries, ms } = await reindexAll(payload, {
  progress: (done) => {
    if (done - shown >= 5000) {
      shown = done
      console.log(`已索引 ${done} 条…`)
    }
  },
})
const stats = await store.stats()
console.log(
  `搜索索引（${store.name}）已重建：${entries} 条，用时 ${(ms / 1000).toFixed(1)} 秒，索引大小 ${(stats.bytes / 1024 / 1024).toFixed(1)} MiB`,
)
process.exit(0)
