import { Col, Row } from 'antd'
import { AllowListCard } from './AllowListCard.tsx'
import { BackupsCard } from './BackupsCard.tsx'
import { LanguageCard } from './LanguageCard.tsx'
import { SecretsCard } from './SecretsCard.tsx'
import { SettingsForm } from './SettingsForm.tsx'
import { SignalSettingsForm } from './SignalSettingsForm.tsx'
import { SignalsCard } from './SignalsCard.tsx'
import { TeamCard } from './team/TeamCard.tsx'

export default function SettingsScreen() {
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <SettingsForm />
      </Col>
      <Col xs={24} xl={12}>
        <LanguageCard />
      </Col>
      <Col xs={24} xl={12}>
        <SecretsCard />
      </Col>
      <Col xs={24} xl={12}>
        <SignalsCard />
      </Col>
      <Col xs={24} xl={12}>
        <SignalSettingsForm />
      </Col>
      <Col span={24}>
        <AllowListCard />
      </Col>
      <Col span={24}>
        <BackupsCard />
        <TeamCard />
      </Col>
    </Row>
  )
}
