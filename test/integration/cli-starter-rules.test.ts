import { describe, expect, it } from 'vitest'
import { parseRulesFile } from '../../shared/rules/files.ts'
import { compileRuleSet } from '../../shared/rules/index.ts'
import { STARTER_RULES } from '../../shared/rules/starter-rules.ts'
import { cli } from './cli-harness.ts'

describe('starter-rules', () => {
  const installed = compileRuleSet(STARTER_RULES).rules

  it.each(['yaml', 'json'] as const)('prints the pack as %s exactly as a new installation saves it', async (format) => {
    const { code, stdout, stderr } = await cli('starter-rules', '--format', format)
    expect([code, stderr]).toEqual([0, ''])
    expect(parseRulesFile(stdout, `starter.${format}`).rules).toEqual(installed)
  })

  it('defaults to YAML', async () => {
    const { stdout } = await cli('starter-rules')
    expect(stdout).toMatch(/^rules:\n {2}- name: 私加联系方式\n/u)
  })

  it('refuses an unknown format and stray arguments, printing nothing', async () => {
    expect(await cli('starter-rules', '--format', 'xml')).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/--format must be yaml or json/u) })
    expect(await cli('starter-rules', 'rules.yaml')).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/takes no file/u) })
  })
})
