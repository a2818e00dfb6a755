'use client'
// Rows of the admin's record lists read as sentences: an article's history row
// "2026-12-02 19:22 张三 签发", a case's timeline row "2026-12-02 19:22 已受理".
import { useRowLabel } from '@payloadcms/ui'

import { beijingDateTime } from '../domain/dates'
import { historyLine } from '../domain/workflow'

export function HistoryRowLabel() {
  const { data, rowNumber } = useRowLabel<Parameters<typeof historyLine>[0]>()
  return <span>{historyLine(data ?? {}) || `流转 ${(rowNumber ?? 0) + 1}`}</span>
}

export function TimelineRowLabel() {
  const { data, rowNumber } = useRowLabel<{ at?: string; label?: string; kind?: string }>()
  const text = [beijingDateTime(data?.at), data?.label || data?.kind].filter(Boolean).join(' ')
  return <span>{text || `事件 ${(rowNumber ?? 0) + 1}`}</span>
}
