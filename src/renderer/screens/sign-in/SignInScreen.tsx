import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { fill, useMessages } from '../../i18n';
import { useSession } from '../../stores/session';
import { LanguageSwitch } from '../../app/LanguageSwitch';

interface Credentials {
  username: string;
  password: string;
}

export function SignInScreen() {
  const m = useMessages();
  const { signIn, signingIn, error } = useSession();
  const [demo, setDemo] = useState<{ usernames: string[]; password: string } | null>(null);
  const [inMemory, setInMemory] = useState(false);

  useEffect(() => {
    void api['session.demoAccess']({}).then((result) => setDemo(result.ok ? result.value : null));
    void api['session.tokenStorage']({}).then((result) => setInMemory(result.ok && result.value === 'memory'));
  }, []);

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
          {inMemory && (
            <Typography.Paragraph type="secondary" className="hint" data-testid="token-in-memory">
              {m.signIn.tokenInMemory}
            </Typography.Paragraph>
          )}
          {demo && (
            <Typography.Paragraph type="secondary" className="hint">
              {fill(m.signIn.demoHint, { users: demo.usernames.join(', '), password: demo.password })}
            </Typography.Paragraph>
          )}
          <LanguageSwitch />
        </Form>
      </Card>
    </div>
  );
}
