// Disclosure requests (依申请公开): the names the collection's hooks take, gathered from the
// modules that hold them (work calendar, clock, tracking code, fees, mail, recomputing).
// Kept so collections/ import one place while they are being split; new code imports the
// modules themselves.
export { dayInstant, dayOf } from '../domain/dates'
export { recomputeOpenDeadlines } from './recompute-deadlines'
export { clockOf, todayInBeijing } from './request-clock'
export { feeForRequest } from './request-fees'
export { afterResponse, announceNewRequest, mailApplicant, stepMail } from './request-mail'
export { newTrackingCode } from './tracking-code'
export { loadWorkCalendar } from './work-calendar'
