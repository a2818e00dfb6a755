'use client'
// The request's clock in the admin sidebar: the due date, how it was computed, and the timeline
// the applicant sees (with the staff's internal remarks marked as such).
import { useFormFields } from '@payloadcms/ui'

import { beijingDate, beijingDateTime } from '../domain/dates'

type Entry = { at?: string; label?: string; note?: string; internalNote?: string }

export function RequestClock() {
  const { due, explanation, timeline } = useFormFields(([fields]) => ({
    due: fields.dueDate?.value as string | undefined,
    explanation: fields.dueExplanation?.value as string[] | undefined,
    timeline: fields.timeline?.rows?.length ?? 0,
  }))
  const entries = useFormFields(([fields]) => {
    const out: Entry[] = []
    for (let i = 0; i < timeline; i++) {
      out.push({
        at: fields[`timeline.${i}.at`]?.value as string,
        label: fields[`timeline.${i}.label`]?.value as string,
        note: fields[`timeline.${i}.note`]?.value as string,
        internalNote: fields[`timeline.${i}.internalNote`]?.value as string,
      })
    }
    return out
  })
  return (
    <section aria-labelledby="request-clock" style={{ marginBottom: '1.5rem' }}>
      <h3 id="request-clock">答复期限</h3>
      <p>
        <strong>
          {due ? `答复截止日：${beijingDate(due)}` : '暂停计时（待补正或征求意见中）'}
        </strong>
      </p>
      {explanation?.length ? (
        <ul style={{ paddingInlineStart: '1.2rem' }}>
          {explanation.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      ) : null}
      {entries.length ? (
        <>
          <h3>办理过程</h3>
          <ol style={{ paddingInlineStart: '1.2rem' }}>
            {entries.map((e, i) => (
              <li key={i}>
                {beijingDateTime(e.at)} {e.label}
                {e.note ? <div>告知申请人：{e.note}</div> : null}
                {e.internalNote ? <div>内部备注：{e.internalNote}</div> : null}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  )
}
