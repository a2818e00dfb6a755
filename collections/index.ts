import { Articles } from './Articles'
import { Columns } from './Columns'
import { Sites } from './Sites'
import { Attachments, Media } from './Uploads'
import { Users } from './Users'
import { WorkCalendar } from './WorkCalendar'

export const collections = [Sites, Users, Columns, Articles, Media, Attachments, WorkCalendar]
