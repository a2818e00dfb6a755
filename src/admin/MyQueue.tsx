// The dashboard's "待我处理" list and the link to the first-hour report.
import type { Payload } from 'payload'

import { beijingDateTime } from '../domain/dates'
import type { Actor } from '../domain/permissions'
import { STATE_LABELS, type State } from '../domain/workflow'
import { myQueue } from '../services/my-queue'

export async function MyQueue({ payload, user }: { payload: Payload; user?: unknown }) {
  if (!user) return null
  const items = await myQueue(payload, user as Actor)
  return (
    <section className="my-queue" aria-labelledby="my-queue-title" style={{ marginBottom: '2rem' }}>
      <h2 id="my-queue-title">待我处理（{items.length}）</h2>
      {items.length === 0 ? (
        <p>暂无待办事项。</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>事项</th>
              <th>标题</th>
              <th>状态</th>
              <th>时间</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={`${i.why}-${i.id}`}>
                <td>{i.why}</td>
                <td>
                  <a href={`/admin/collections/articles/${i.id}`}>{i.title}</a>
                </td>
                <td>{STATE_LABELS[i.state as State] ?? i.state}</td>
                <td>{beijingDateTime(i.at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <a href="/admin/first-hour">第一时间发布统计</a> ·{' '}
        <a href="/admin/supervision">依申请公开督办</a>
      </p>
    </section>
  )
}
