// `npm run reset`: back to a fresh demo — the embedded databases of `npm start` and `npm run dev`
// (with their search indexes)
// and their uploaded files are deleted; the next start seeds the demo platform again. Refuses
// when DATABASE_URL names another database: a real one is never reset by this.
import fs from 'node:fs'
import path from 'node:path'

if (process.env.DATABASE_URL) {
  console.error('DATABASE_URL 已设置：npm run reset 只清除内置的演示数据库，不会清除其他数据库。')
  process.exit(1)
}
const root = process.cwd()
const removed: string[] = []
const data = path.join(root, '.data')
for (const name of fs.existsSync(data) ? fs.readdirSync(data) : []) {
  if (!/^(jiyue|dev)(\.search)?\.db(-wal|-shm|-journal)?$/.test(name)) continue
  fs.rmSync(path.join(data, name))
  removed.push(`.data/${name}`)
}
const media = path.join(root, 'media')
for (const name of fs.existsSync(media) ? fs.readdirSync(media) : []) {
  if (name === '.gitkeep') continue
  fs.rmSync(path.join(media, name), { recursive: true, force: true })
  removed.push(`media/${name}`)
}
console.log(
  removed.length
    ? `已清除演示数据：${removed.join('、')}。下次 npm start 将重新生成演示平台。`
    : '没有需要清除的演示数据。',
)
