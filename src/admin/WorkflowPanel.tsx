'use client'
// The article's workflow in the admin sidebar: its state, the moves this person may make (asked
// from the server, which enforces the same table), and the pre-publication findings.
import { Button, useConfig, useDocumentInfo, useForm, useFormModified } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useState } from 'react'

type Move = { name: string; label: string; to: string; needsReason: boolean }
type Finding = { severity: 'block' | 'confirm' | 'warn'; message: string; place: { label: string } }

const SEVERITY: Record<Finding['severity'], string> = {
  block: '禁止发布',
  confirm: '须确认',
  warn: '提醒',
}

export function WorkflowPanel() {
  const { id, collectionSlug } = useDocumentInfo()
  const { config } = useConfig()
  const { submit } = useForm()
  const modified = useFormModified()
  const router = useRouter()
  const api = `${config.serverURL ?? ''}${config.routes.api}/${collectionSlug}/${id}`
  const [moves, setMoves] = useState<Move[] | null>(null)
  const [state, setState] = useState<string>('')
  const [pending, setPending] = useState<Move | null>(null)
  const [reason, setReason] = useState('')
  const [findings, setFindings] = useState<Finding[] | null>(null)
  const [busy, setBusy] = useState(false)
  /** The move the server last refused: its message stays until dismissed. */
  const [refused, setRefused] = useState<Move | null>(null)

  const load = useCallback(async () => {
    if (!id) return
    const res = await fetch(`${api}/moves`, { credentials: 'include' })
    if (res.ok) {
      const body = (await res.json()) as { state: string; moves: Move[] }
      setMoves(body.moves)
      setState(body.state)
    }
  }, [api, id])

  useEffect(() => {
    void load()
  }, [load])

  const run = async (move: Move) => {
    if (move.needsReason && !reason.trim()) {
      setPending(move)
      return
    }
    setBusy(true)
    try {
      // Payload's form answers nothing when the server refused (its fields are marked then).
      const done = await submit({
        action: `${api}?depth=0`,
        method: 'PATCH',
        overrides: { state: move.to, workflowMove: move.name, workflowReason: reason.trim() },
      })
      if (!done) {
        setRefused(move)
        await check()
        return
      }
      setRefused(null)
      setPending(null)
      setReason('')
      await load()
      await check()
      router.refresh()
    } finally {
      setBusy(false)
    }
  }

  const check = useCallback(async () => {
    if (!id) return
    const res = await fetch(`${api}/checks`, { credentials: 'include' })
    if (res.ok) setFindings(((await res.json()) as { findings: Finding[] }).findings)
  }, [api, id])

  // What the checks find (and what signing still needs) is shown from the start, to the editor,
  // the reviewer and the signer alike.
  useEffect(() => {
    void check()
  }, [check])

  if (!id) return <p className="workflow-panel__hint">保存后即可提交审核。</p>
  return (
    <section className="workflow-panel" aria-label="发布流程">
      <h3 className="workflow-panel__title">发布流程</h3>
      {refused && (
        <div className="workflow-panel__refusal" role="alert">
          <p>未能“{refused.label}”：请按下方所列和页面上标红的字段修改，保存后再试。</p>
          <Button size="small" buttonStyle="secondary" onClick={() => setRefused(null)}>
            知道了
          </Button>
        </div>
      )}
      <p>
        <a href={`/preview/articles/${id}`} target="_blank" rel="noopener">
          预览（按网站实际样式打开）
        </a>
      </p>
      {moves === null ? (
        <p>正在读取可办理的操作…</p>
      ) : moves.length === 0 ? (
        <p>当前状态下您没有可办理的操作。</p>
      ) : (
        <div className="workflow-panel__moves">
          {moves.map((m) => (
            <Button
              key={m.name}
              buttonStyle={
                m.name === 'emergency' || m.name === 'unpublish' ? 'secondary' : 'primary'
              }
              size="small"
              disabled={busy}
              onClick={() => void run(m)}
            >
              {m.label}
            </Button>
          ))}
        </div>
      )}
      {modified && moves?.length ? <p>提示：办理时会一并保存本页尚未保存的修改。</p> : null}
      {pending && (
        <div className="workflow-panel__reason">
          <label htmlFor="workflow-reason">{pending.label}的理由（必填）</label>
          <textarea
            id="workflow-reason"
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <Button size="small" disabled={busy || !reason.trim()} onClick={() => void run(pending)}>
            确认{pending.label}
          </Button>
          <Button size="small" buttonStyle="secondary" onClick={() => setPending(null)}>
            取消
          </Button>
        </div>
      )}
      <Button size="small" buttonStyle="secondary" onClick={() => void check()}>
        重新检查（发布前检查）
      </Button>
      {findings && (
        <ul className="workflow-panel__findings" data-state={state}>
          {findings.length === 0 && <li>未发现问题。</li>}
          {findings.map((f, i) => (
            <li key={i}>
              <strong>【{SEVERITY[f.severity]}】</strong>
              {f.place.label}：{f.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
