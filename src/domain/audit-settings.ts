// The audit's thresholds as platform settings (平台设置 → 网站体检阈值): one row per figure, with
// its label, unit, bounds and the national figure (RULES §1) as default. A platform may be
// stricter than the national inspection, never looser (the bounds stop at the national figure):
// a looser figure would hide from the platform the failures an inspection finds. The settings
// form is drawn from this table; an empty value means the national figure.
import { DEFAULT_THRESHOLDS, type AuditThresholds } from './site-audit'

export type ThresholdSetting = {
  name: string
  label: string
  unit: '天' | '个' | '个月' | '次' | '%'
  min: number
  max: number
  /** The figure in the setting's unit, read from thresholds. */
  read: (t: AuditThresholds) => number
  /** Thresholds with the figure (in the setting's unit) written in. */
  write: (t: AuditThresholds, value: number) => AuditThresholds
}

const plain = (
  name: keyof AuditThresholds & string,
  label: string,
  unit: ThresholdSetting['unit'],
  [min, max]: [number, number],
): ThresholdSetting => ({
  name,
  label,
  unit,
  min,
  max,
  read: (t) => t[name] as number,
  write: (t, v) => ({ ...t, [name]: v }),
})

const percent = (
  name: 'probeFailShare' | 'deadLinkShare' | 'warnAt',
  label: string,
  min: number,
): ThresholdSetting => ({
  name: `${name}Percent`,
  label,
  unit: '%',
  min,
  max: DEFAULT_THRESHOLDS[name] * 100,
  read: (t) => Math.round(t[name] * 1000) / 10,
  write: (t, v) => ({ ...t, [name]: v / 100 }),
})

const classAge = (
  cls: 'news' | 'notice-policy' | 'personnel-plan',
  name: string,
  label: string,
): ThresholdSetting => ({
  name,
  label,
  unit: '天',
  min: 1,
  max: DEFAULT_THRESHOLDS.classMaxAgeDays[cls] ?? 0,
  read: (t) => t.classMaxAgeDays[cls] ?? 0,
  write: (t, v) => ({ ...t, classMaxAgeDays: { ...t.classMaxAgeDays, [cls]: v } }),
})

export const THRESHOLD_SETTINGS: readonly ThresholdSetting[] = [
  plain('homeStaleDays', '首页无新信息的最长天数', '天', [1, 14]),
  classAge('news', 'newsMaxAgeDays', '动态要闻类栏目的最长更新间隔'),
  classAge('notice-policy', 'noticePolicyMaxAgeDays', '通知公告、政策文件类栏目的最长更新间隔'),
  classAge('personnel-plan', 'personnelPlanMaxAgeDays', '人事、规划计划类栏目的最长更新间隔'),
  plain('staleNewsNoticeLimit', '动态要闻及通知公告、政策文件类栏目不更新的数量上限', '个', [1, 5]),
  plain('staleColumnsLimit', '应更新而未更新的栏目数量上限', '个', [1, 10]),
  plain('emptyColumnsLimit', '空白栏目数量上限', '个', [1, 5]),
  plain('letterMonths', '有效留言未办理的最长期限', '个月', [1, 3]),
  // Observing longer and probing more often is the stricter way for these two.
  plain('probeDays', '可访问性监测的观察天数', '天', [7, 31]),
  plain('probesPerDay', '每天监测次数', '次', [20, 288]),
  percent('probeFailShare', '监测失败比例超过此值判定站点无法访问', 0.1),
  percent('deadLinkShare', '不可用链接比例超过此值预警', 0.1),
  plain('backdateToleranceDays', '显示日期早于录入或签发日期的容许天数', '天', [0, 3]),
  percent('warnAt', '达到上限的此比例时预警', 1),
]

/** The settings' values for the national figures (the form's defaults). */
export const DEFAULT_SETTINGS: Readonly<Record<string, number>> = Object.fromEntries(
  THRESHOLD_SETTINGS.map((s) => [s.name, s.read(DEFAULT_THRESHOLDS)]),
)

/** Why a value cannot be a setting's (null: it can). */
export function settingProblem(s: ThresholdSetting, value: unknown): string | null {
  if (value == null || value === '') return null
  const v = Number(value)
  if (!Number.isFinite(v)) return `“${s.label}”须为数字`
  if (s.unit !== '%' && !Number.isInteger(v)) return `“${s.label}”须为整数`
  if (v < s.min || v > s.max)
    return `“${s.label}”须在 ${s.min}–${s.max}${s.unit} 之间（可以比国家标准更严，不能放宽）`
  return null
}

/**
 * The audit's thresholds from stored settings: each valid value replaces the national figure;
 * an empty (or, if stored before a bound changed, invalid) value keeps it.
 */
export function thresholdsFrom(
  stored: Readonly<Record<string, unknown>> | null | undefined,
): AuditThresholds {
  return THRESHOLD_SETTINGS.reduce((t, s) => {
    const value = stored?.[s.name]
    if (value == null || value === '' || settingProblem(s, value)) return t
    return s.write(t, Number(value))
  }, DEFAULT_THRESHOLDS)
}

/** The settings that differ from the national figures, one sentence each (shown with a run). */
export function changedSettings(t: AuditThresholds): string[] {
  return THRESHOLD_SETTINGS.filter((s) => s.read(t) !== s.read(DEFAULT_THRESHOLDS)).map(
    (s) => `${s.label}：${s.read(t)}${s.unit}（国家标准 ${s.read(DEFAULT_THRESHOLDS)}${s.unit}）`,
  )
}
