// Rate-limits /api/graphql per address before Next and Payload see the request: one query can
// cost seconds, and the limit is the one place that bounds a flood of them (shared by nodes).
import type { NextFunction, Request, Response } from 'express'
import type { Payload } from 'payload'

import { consume } from '../services/rate-limits'

const GRAPHQL_PATH = /^\/api\/graphql(\/|$)/

export function graphqlGuard(payload: Payload) {
  return async (req: Request, res: Response, next: NextFunction) => {
    if (!GRAPHQL_PATH.test(req.path) || req.method === 'OPTIONS') return next()
    try {
      const answer = await consume(payload, 'graphqlRequests', req.ip ?? 'unknown')
      if (answer.ok) return next()
      res.setHeader('Retry-After', String(answer.retryAfterSeconds))
      res.setHeader('Cache-Control', 'no-store')
      res.status(429).json({ errors: [{ message: answer.message }] })
    } catch (err) {
      next(err)
    }
  }
}
