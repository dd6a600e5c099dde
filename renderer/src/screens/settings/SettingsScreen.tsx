import { Col, Row } from 'antd'
import { AllowListCard } from './AllowListCard.tsx'
import { LanguageCard } from './LanguageCard.tsx'
import { SecretsCard } from './SecretsCard.tsx'
import { SettingsForm } from './SettingsForm.tsx'
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
      <Col span={24}>
        <AllowListCard />
      </Col>
      <Col span={24}>
        <TeamCard />
      </Col>
    </Row>
  )
}
