// Whether the database answers, for /healthz and /readyz: one cheap probe at a time, with a
// short timeout, and its answer kept for a moment so a flood of health checks (a load
// balancer, a monitor, a visitor) never turns into a flood of queries.

export type DatabaseState = 'up' | 'down'

export type DatabaseHealth = {
  /** The database's state: from the last probe if recent, otherwise from a new one. */
  check: () => Promise<DatabaseState>
  /** A request just failed because the database is unavailable: say so until the next probe. */
  markDown: () => void
}

export function createDatabaseHealth({
  probe,
  timeoutMs = 2000,
  upForMs = 5000,
  downForMs = 1000,
  now = Date.now,
}: {
  /** Resolves when the database answers; rejects (or outlasts timeoutMs) when it does not. */
  probe: () => Promise<unknown>
  timeoutMs?: number
  /** How long an "up" answer is reused. */
  upForMs?: number
  /** How long a "down" answer is reused: short, so recovery shows quickly. */
  downForMs?: number
  now?: () => number
}): DatabaseHealth {
  let last: { state: DatabaseState; at: number } | null = null
  let running: Promise<DatabaseState> | null = null

  const fresh = (l: { state: DatabaseState; at: number }) =>
    now() - l.at < (l.state === 'up' ? upForMs : downForMs)

  const run = async (): Promise<DatabaseState> => {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('database probe timed out')), timeoutMs)
    })
    try {
      await Promise.race([probe(), timeout])
      return 'up'
    } catch {
      return 'down'
    } finally {
      clearTimeout(timer)
    }
  }

  return {
    check() {
      if (last && fresh(last)) return Promise.resolve(last.state)
      running ??= run().then((state) => {
        last = { state, at: now() }
        running = null
        return state
      })
      return running
    },
    markDown() {
      last = { state: 'down', at: now() }
    },
  }
}
