import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useMessages } from '../../i18n';
import { useSession } from '../../stores/session';
import { LanguageSwitch } from '../../app/LanguageSwitch';

interface Credentials {
  username: string;
  password: string;
}

export function SignInScreen() {
  const m = useMessages();
  const { signIn, signingIn, error } = useSession();

  return (
    <div className="sign-in">
      <Card className="sign-in-card-frame">
        <Form<Credentials>
          className="sign-in-card"
          layout="vertical"
          requiredMark={false}
          aria-label={m.signIn.title}
          onFinish={({ username, password }) => void signIn(username, password)}
        >
          <Typography.Title level={3}>{m.signIn.title}</Typography.Title>
          <Form.Item
            label={m.signIn.username}
            name="username"
            rules={[{ required: true, whitespace: true, message: m.shell.required }]}
          >
            <Input prefix={<UserOutlined />} autoFocus autoComplete="username" />
          </Form.Item>
          <Form.Item label={m.signIn.password} name="password" rules={[{ required: true, message: m.shell.required }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          {error && <Alert type="error" showIcon role="alert" data-code={error.code} title={m.error[error.code]} />}
          <Button type="primary" htmlType="submit" block loading={signingIn}>
            {signingIn ? m.signIn.submitting : m.signIn.submit}
          </Button>
          <Typography.Paragraph type="secondary" className="hint">
            {m.signIn.demoHint}
          </Typography.Paragraph>
          <LanguageSwitch />
        </Form>
      </Card>
    </div>
  );
}
