import { describe, expect, it } from 'vitest'
import { capabilitiesOf, removalAbility, removalRoute } from '../../shared/capabilities/index.ts'

const facts = (overrides: Partial<Parameters<typeof removalAbility>[0]> = {}) => ({
  botIsOwnerOrAdmin: false,
  rolesKnown: true,
  repSaysAdmin: false,
  ...overrides,
})

describe('whether the bot can remove in a group', () => {
  it('is never on web WeChat, whatever the rep says', () => {
    const web = capabilitiesOf('wechaty-puppet-wechat4u')
    expect(removalAbility(facts({ botIsOwnerOrAdmin: true }), web)).toBe('no')
    expect(removalAbility(facts({ rolesKnown: false, repSaysAdmin: true }), web)).toBe('no')
  })

  it('follows the reported roles where the puppet reports owner and admins', () => {
    const mock = capabilitiesOf('wechaty-puppet-mock')
    expect(removalAbility(facts({ botIsOwnerOrAdmin: true }), mock)).toBe('yes')
    expect(removalAbility(facts(), mock)).toBe('no')
    expect(removalAbility(facts({ rolesKnown: false }), mock)).toBe('unknown')
    expect(removalAbility(facts({ rolesKnown: false, repSaysAdmin: true }), mock)).toBe('yes')
  })

  it('is unknown on PadLocal for a non-owner, since PadLocal never reports admins', () => {
    const padlocal = capabilitiesOf('wechaty-puppet-padlocal')
    expect(removalAbility(facts(), padlocal)).toBe('unknown')
    expect(removalAbility(facts({ botIsOwnerOrAdmin: true }), padlocal)).toBe('yes')
  })

  it('sends the rep a task where the bot cannot, and where it is unknown unless told to try', () => {
    expect(removalRoute('yes', 'ask_rep')).toBe('bot')
    expect(removalRoute('no', 'attempt')).toBe('rep')
    expect(removalRoute('unknown', 'ask_rep')).toBe('rep')
    expect(removalRoute('unknown', 'attempt')).toBe('bot')
  })
})
