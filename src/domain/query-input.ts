// Decides whether a query's id and filter can be asked of the database at all, so that a
// malformed one is a 400 with a sentence rather than a database error (and a 500).

/** What a filter may say about a field, as far as the database's types go. */
export type FieldShape =
  | { name: string; kind: 'date' | 'number' | 'id' | 'other' }
  | { name: string; kind: 'nested'; fields: FieldShape[] }

export type IdType = 'number' | 'text'

/** Payload's operators (payload/types/constants validOperators). */
export const OPERATORS = new Set([
  'equals',
  'contains',
  'not_equals',
  'in',
  'all',
  'not_in',
  'exists',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
  'like',
  'not_like',
  'within',
  'intersects',
  'near',
])

const LIST_OPERATORS = new Set(['in', 'not_in', 'all'])
const VALUE_OPERATORS = new Set([
  'equals',
  'not_equals',
  'in',
  'not_in',
  'all',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
])

// SQL ids are `serial` (int4) on PostgreSQL: anything larger cannot be a row there.
const MAX_SQL_ID = 2_147_483_647
/** How deep and/or may nest, and how many conditions one filter may hold. */
export const WHERE_LIMITS = { depth: 6, conditions: 100 } as const

const shown = (value: unknown) => {
  const s = typeof value === 'string' ? value : JSON.stringify(value)
  // eslint-disable-next-line no-control-regex -- control characters are exactly what we hide
  const clean = String(s).replace(/[\u0000-\u001f\u007f]/g, '�')
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean
}

/** Whether `id` can be an id of this database: a positive int4 on SQL, an ObjectId on MongoDB. */
export function isValidId(id: unknown, idType: IdType): boolean {
  if (typeof id === 'number')
    return idType === 'number' && Number.isInteger(id) && id > 0 && id <= MAX_SQL_ID
  if (typeof id !== 'string') return false
  if (idType === 'number') return /^[1-9]\d{0,9}$/.test(id) && Number(id) <= MAX_SQL_ID
  return /^[a-f0-9]{24}$/i.test(id)
}

/** The sentence refusing an id, or null. */
export function idProblem(id: unknown, idType: IdType): string | null {
  if (id == null || isValidId(id, idType)) return null
  // Payload's REST layer turns a non-numeric id into NaN on SQL databases: nothing to echo.
  const echo = typeof id === 'number' && !Number.isFinite(id) ? '' : `“${shown(id)}”`
  return `编号${echo}格式不正确：${idType === 'number' ? '应为正整数' : '应为 24 位十六进制字符'}`
}

const isDate = (v: unknown) =>
  (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Date.parse(v))) ||
  (typeof v === 'number' && Number.isFinite(v)) ||
  v instanceof Date

const isNumber = (v: unknown) =>
  (typeof v === 'number' && Number.isFinite(v)) ||
  (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v) && Number.isFinite(Number(v)))

const isBooleanish = (v: unknown) =>
  typeof v === 'boolean' || v === 'true' || v === 'false' || v === '1' || v === '0'

const COMPARISONS = new Set(['greater_than', 'greater_than_equal', 'less_than', 'less_than_equal'])

/** An id to compare with: a valid id, or any whole number for a range on numeric ids. */
const idValueOk = (operator: string, v: unknown, idType: IdType) =>
  isValidId(typeof v === 'number' ? v : String(v).trim(), idType) ||
  (idType === 'number' && COMPARISONS.has(operator) && /^-?\d{1,10}$/.test(String(v).trim()))

/** The values a condition compares with: lists may come as arrays or comma-separated strings. */
function valuesOf(operator: string, value: unknown): unknown[] {
  if (!LIST_OPERATORS.has(operator)) return [value]
  if (Array.isArray(value)) return value
  if (typeof value === 'string') return value.split(',')
  if (value && typeof value === 'object') return Object.values(value)
  return [value]
}

function valueProblem(
  path: string,
  operator: string,
  value: unknown,
  kind: FieldShape['kind'],
  idType: IdType,
): string | null {
  if (operator === 'exists') {
    return isBooleanish(value) ? null : `查询条件 ${path} 的 exists 只接受 true 或 false`
  }
  if (!VALUE_OPERATORS.has(operator)) return null
  for (const v of valuesOf(operator, value)) {
    // Comparing with null (“is empty”) is allowed for every kind; the server's own queries
    // sometimes carry undefined, which Payload leaves out.
    if (v === null || v === undefined || v === 'null') continue
    if (kind === 'date' && !isDate(v)) return `查询条件 ${path} 的值“${shown(v)}”不是有效的日期`
    if (kind === 'number' && !isNumber(v)) return `查询条件 ${path} 的值“${shown(v)}”不是数字`
    if (kind === 'id' && !idValueOk(operator, v, idType))
      return `查询条件 ${path} 的值“${shown(v)}”不是有效的编号`
    if (typeof v === 'string' && v.includes('\u0000'))
      return `查询条件 ${path} 的值含有不允许的控制字符`
  }
  return null
}

/** The field a dotted path names, or null when the path leaves what we know (another collection). */
function fieldAt(fields: FieldShape[], path: string): FieldShape | null {
  let scope = fields
  const parts = path.split('.')
  for (let i = 0; i < parts.length; i++) {
    const field = scope.find((f) => f.name === parts[i])
    if (!field) return null
    if (i === parts.length - 1) return field
    if (field.kind !== 'nested') return null
    scope = field.fields
  }
  return null
}

const listOf = (v: unknown): unknown[] | null =>
  Array.isArray(v) ? v : v && typeof v === 'object' ? Object.values(v) : null

/**
 * Sentences refusing a filter (`where`), or none. Unknown paths are left to Payload, which
 * answers them with its own 400; this catches what it would hand to the database.
 */
export function whereProblems({
  where,
  fields,
  idType,
}: {
  where: unknown
  fields: FieldShape[]
  idType: IdType
}): string[] {
  if (where == null) return []
  if (typeof where !== 'object' || Array.isArray(where))
    return ['查询参数 where 应为对象（例如 where[title][equals]=…），收到的不是']
  const problems: string[] = []
  let conditions = 0
  const walk = (node: Record<string, unknown>, depth: number) => {
    if (depth > WHERE_LIMITS.depth) {
      problems.push(`查询条件嵌套超过 ${WHERE_LIMITS.depth} 层`)
      return
    }
    for (const [key, value] of Object.entries(node)) {
      if (problems.length) return
      if (key === 'and' || key === 'or') {
        const list = listOf(value)
        if (!list) {
          problems.push(`查询条件 ${key} 应为条件列表`)
          return
        }
        for (const child of list) {
          if (!child || typeof child !== 'object' || Array.isArray(child)) {
            problems.push(`查询条件 ${key} 的每一项应为对象`)
            return
          }
          walk(child as Record<string, unknown>, depth + 1)
        }
        continue
      }
      if (!value || typeof value !== 'object' || Array.isArray(value)) {
        problems.push(`查询条件 ${shown(key)} 缺少运算符（例如 ${shown(key)}[equals]=…）`)
        return
      }
      const field = key === 'id' ? ({ name: 'id', kind: 'id' } as const) : fieldAt(fields, key)
      for (const [operator, operand] of Object.entries(value as Record<string, unknown>)) {
        if (++conditions > WHERE_LIMITS.conditions) {
          problems.push(`查询条件超过 ${WHERE_LIMITS.conditions} 个`)
          return
        }
        if (!OPERATORS.has(operator)) {
          problems.push(`查询条件 ${shown(key)} 的运算符“${shown(operator)}”不受支持`)
          return
        }
        if (!field || field.kind === 'nested') continue
        const problem = valueProblem(key, operator, operand, field.kind, idType)
        if (problem) {
          problems.push(problem)
          return
        }
      }
    }
  }
  walk(where as Record<string, unknown>, 0)
  return problems
}
