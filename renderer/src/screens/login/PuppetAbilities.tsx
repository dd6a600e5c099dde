import { CheckCircleOutlined, CloseCircleOutlined, QuestionCircleOutlined } from '@ant-design/icons'
import { Alert, Flex, Tag, Typography } from 'antd'
import { CAPABILITY_NAMES, capabilitiesOf, type Ability } from '../../../../shared/capabilities/index.ts'
import type { PuppetName } from '../../../../shared/api/types.ts'
import { useT } from '../../i18n/index.tsx'

const LOOK: Record<Ability, { color: string; icon: React.ReactNode }> = {
  yes: { color: 'success', icon: <CheckCircleOutlined /> },
  no: { color: 'default', icon: <CloseCircleOutlined /> },
  depends: { color: 'warning', icon: <QuestionCircleOutlined /> },
}

/** What the chosen protocol can do, in plain words, so a rep knows before logging in that removals may be theirs. */
export function PuppetAbilities({ puppet }: { puppet: PuppetName }) {
  const t = useT()
  const abilities = capabilitiesOf(puppet)
  return (
    <Flex vertical gap={8} data-testid="puppet-abilities">
      <Typography.Text strong>{t('capability.title')}</Typography.Text>
      <Flex wrap gap={6}>
        {CAPABILITY_NAMES.map((name) => (
          <Tag key={name} color={LOOK[abilities[name]].color} icon={LOOK[abilities[name]].icon} data-ability={`${name}:${abilities[name]}`}>
            {t('capability.item', { name: t(`capability.${name}`), ability: t(`capability.${abilities[name]}`) })}
          </Tag>
        ))}
      </Flex>
      {abilities.removeMembers === 'no' && <Alert type="warning" showIcon title={t('capability.noRemoveHelp')} />}
    </Flex>
  )
}
