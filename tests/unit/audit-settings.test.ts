import { describe, expect, it } from 'vitest'

import {
  changedSettings,
  DEFAULT_SETTINGS,
  settingProblem,
  THRESHOLD_SETTINGS,
  thresholdsFrom,
} from '../../src/domain/audit-settings'
import { DEFAULT_THRESHOLDS } from '../../src/domain/site-audit'

const setting = (name: string) => THRESHOLD_SETTINGS.find((s) => s.name === name)!

describe('the audit thresholds as settings', () => {
  it('defaults to the national figures in the units an admin reads', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({
      homeStaleDays: 14,
      newsMaxAgeDays: 14,
      noticePolicyMaxAgeDays: 183,
      personnelPlanMaxAgeDays: 365,
      staleNewsNoticeLimit: 5,
      staleColumnsLimit: 10,
      emptyColumnsLimit: 5,
      letterMonths: 3,
      probeDays: 7,
      probesPerDay: 20,
      probeFailSharePercent: 5,
      deadLinkSharePercent: 1,
      backdateToleranceDays: 3,
      warnAtPercent: 80,
    })
    expect(Object.keys(DEFAULT_SETTINGS)).toHaveLength(THRESHOLD_SETTINGS.length)
  })

  it('keeps every national figure when nothing is stored or a value is empty', () => {
    expect(thresholdsFrom(null)).toEqual(DEFAULT_THRESHOLDS)
    expect(thresholdsFrom({ homeStaleDays: null, letterMonths: '' })).toEqual(DEFAULT_THRESHOLDS)
    expect(changedSettings(DEFAULT_THRESHOLDS)).toEqual([])
  })

  it('writes each stored figure into the thresholds, percentages as shares', () => {
    const t = thresholdsFrom({
      homeStaleDays: 7,
      noticePolicyMaxAgeDays: 90,
      probeFailSharePercent: 2.5,
      warnAtPercent: 50,
    })
    expect(t.homeStaleDays).toBe(7)
    expect(t.classMaxAgeDays['notice-policy']).toBe(90)
    expect(t.classMaxAgeDays.news).toBe(14)
    expect(t.probeFailShare).toBeCloseTo(0.025)
    expect(t.warnAt).toBe(0.5)
    expect(t.letterMonths).toBe(DEFAULT_THRESHOLDS.letterMonths)
    expect(changedSettings(t)).toEqual([
      '首页无新信息的最长天数：7天（国家标准 14天）',
      '通知公告、政策文件类栏目的最长更新间隔：90天（国家标准 183天）',
      '监测失败比例超过此值判定站点无法访问：2.5%（国家标准 5%）',
      '达到上限的此比例时预警：50%（国家标准 80%）',
    ])
  })

  it('refuses values out of bounds with a sentence, and an invalid stored value keeps the national figure', () => {
    expect(settingProblem(setting('homeStaleDays'), 0)).toBe(
      '“首页无新信息的最长天数”须在 1–14天 之间（可以比国家标准更严，不能放宽）',
    )
    expect(settingProblem(setting('homeStaleDays'), 1.5)).toBe('“首页无新信息的最长天数”须为整数')
    expect(settingProblem(setting('warnAtPercent'), 'abc')).toBe('“达到上限的此比例时预警”须为数字')
    expect(settingProblem(setting('deadLinkSharePercent'), 0.5)).toBeNull()
    expect(settingProblem(setting('letterMonths'), null)).toBeNull()
    expect(thresholdsFrom({ letterMonths: 40 }).letterMonths).toBe(DEFAULT_THRESHOLDS.letterMonths)
  })

  it('may be stricter than the national inspection, never looser', () => {
    for (const s of THRESHOLD_SETTINGS) {
      const national = DEFAULT_SETTINGS[s.name]
      expect(settingProblem(s, national), s.name).toBeNull()
      // Looser is past the national figure: larger limits, except observing fewer days or
      // probing less often.
      const looser = s.name === 'probeDays' || s.name === 'probesPerDay' ? s.min - 1 : s.max + 1
      expect(s.name === 'probeDays' || s.name === 'probesPerDay' ? s.min : s.max).toBe(national)
      expect(settingProblem(s, looser), s.name).toMatch(/不能放宽/)
      expect(s.read(thresholdsFrom({ [s.name]: looser })), s.name).toBe(national)
    }
    expect(thresholdsFrom({ letterMonths: 6 }).letterMonths).toBe(3)
    expect(thresholdsFrom({ backdateToleranceDays: 0 }).backdateToleranceDays).toBe(0)
  })
})
