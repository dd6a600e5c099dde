import { Col, Row } from 'antd'
import { LoginCard } from './LoginCard.tsx'
import { PuppetCard } from './PuppetCard.tsx'

export default function LoginScreen() {
  return (
    <Row gutter={[24, 24]}>
      <Col xs={24} xl={12}>
        <LoginCard />
      </Col>
      <Col xs={24} xl={12}>
        <PuppetCard />
      </Col>
    </Row>
  )
}
