// A real SMTP server on loopback that keeps what it receives: tests read the mail the platform
// sends through nodemailer, as a mailbox would.
import type { AddressInfo } from 'node:net'

import { SMTPServer } from 'smtp-server'

import { type Started, startPayload } from './payload'

export type Mail = { from: string; to: string[]; raw: string; text: string; subject: string }

/** The body as text: base64 bodies decoded (nodemailer sends Chinese text that way). */
const textOf = (raw: string) => {
  const [head, body = ''] = raw.split(/\r?\n\r?\n/, 2)
  return /base64/i.test(head)
    ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
    : body
}

/** The Subject header, its encoded words (RFC 2047, as nodemailer writes Chinese) decoded. */
const subjectOf = (raw: string) => {
  const head = raw.split(/\r?\n\r?\n/, 1)[0].replace(/\r?\n[ \t]+/g, ' ')
  const value = /^Subject: (.*)$/im.exec(head)?.[1] ?? ''
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BQbq])\?([^?]*)\?=/g, (_, _charset, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    )
}

/** Starts the server and points SMTP_URL at it (read when the config is imported). */
export async function startSmtp(): Promise<{ received: Mail[]; stop: () => Promise<void> }> {
  const received: Mail[] = []
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8')
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          text: textOf(raw),
          subject: subjectOf(raw),
        })
        done()
      })
    },
  })
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
  process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`
  return {
    received,
    stop: async () => {
      await new Promise<void>((resolve) => smtp.close(() => resolve()))
      delete process.env.SMTP_URL
    },
  }
}

export type StartedWithMail = Started & {
  /** Every mail the SMTP server has received, in order. */
  received: Mail[]
  /** The mail sent to an address so far, once the mail queued by the last changes has gone. */
  mailsTo: (address: string) => Promise<Mail[]>
}

/**
 * Payload with its mail going to a fresh SMTP server. `stop()` lets the mail still queued go out,
 * then stops Payload (which waits for the audit) and the SMTP server.
 */
export async function startPayloadWithMail(): Promise<StartedWithMail> {
  const smtp = await startSmtp()
  const started = await startPayload().catch(async (e: unknown) => {
    await smtp.stop()
    throw e
  })
  const mailSettled = async () => {
    const { requestMailSettled } = await import('../../src/services/request-mail')
    await requestMailSettled()
  }
  return {
    ...started,
    received: smtp.received,
    mailsTo: async (address) => {
      await mailSettled()
      for (let i = 0; i < 30; i++) {
        const found = smtp.received.filter((m) => m.to.includes(address))
        if (found.length) return found
        await new Promise((r) => setTimeout(r, 100))
      }
      return []
    },
    stop: async () => {
      await mailSettled()
      await started.stop()
      await smtp.stop()
    },
  }
}
