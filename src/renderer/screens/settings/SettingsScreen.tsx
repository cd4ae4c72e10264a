import { Alert, Button, Card, Descriptions, Form, Input, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { DeskSettingsView } from '../../../shared/contract/settings-procedures';
import type { ApiError } from '../../../shared/contract/result';
import { can } from '../../../shared/domain/rights';
import { api, exportDownloadUrl } from '../../api/client';
import { fill, useMessages } from '../../i18n';
import { LoadingState } from '../../components/States';
import { useSession } from '../../stores/session';
import './settings.css';

interface Fields {
  serviceUrl: string;
  updateUrl: string;
}

/**
 * 设置: which order service and update feed this desk uses (an admin changes them; they apply at
 * the next start, the environment still wins), and 导出诊断信息 for anyone support asks.
 */
export function SettingsScreen() {
  const m = useMessages();
  const role = useSession((s) => s.session?.role);
  const admin = role !== undefined && can(role, 'admin.manage');
  const [view, setView] = useState<DeskSettingsView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [restarting, setRestarting] = useState(false);
  const [form] = Form.useForm<Fields>();

  const show = useCallback(
    (next: DeskSettingsView) => {
      setView(next);
      form.setFieldsValue({ serviceUrl: next.saved.serviceUrl ?? '', updateUrl: next.saved.updateUrl ?? '' });
    },
    [form],
  );

  useEffect(() => {
    void api['settings.get']({}).then((answer) => (answer.ok ? show(answer.value) : setError(answer.error)));
  }, [show]);

  const save = async (fields: Fields) => {
    setSaving(true);
    setError(null);
    const answer = await api['settings.save']({ serviceUrl: fields.serviceUrl, updateUrl: fields.updateUrl });
    setSaving(false);
    if (answer.ok) show(answer.value);
    else setError(answer.error);
  };

  const restart = async () => {
    setRestarting(true);
    const answer = await api['settings.restart']({});
    if (!answer.ok) {
      setRestarting(false);
      setError(answer.error);
    }
  };

  if (!view) return error ? <Alert type="error" showIcon title={m.error[error.code]} /> : <LoadingState />;

  const source = m.settings.sources[view.running.serviceSource];
  return (
    <section className="settings-screen" data-testid="settings-screen">
      <Typography.Title level={4} className="screen-title">
        {m.settings.title}
      </Typography.Title>
      <Space orientation="vertical" size="middle" className="settings-cards">
        <Card title={m.settings.connection} size="small">
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={m.settings.running}>
              <Typography.Text code data-testid="settings-running-service">
                {view.running.serviceUrl}
              </Typography.Text>{' '}
              <Typography.Text type="secondary">{source}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={m.settings.updateUrl}>
              {view.running.updateUrl ?? <Typography.Text type="secondary">{m.settings.noUpdateUrl}</Typography.Text>}
            </Descriptions.Item>
          </Descriptions>
          <Form<Fields>
            form={form}
            layout="vertical"
            onFinish={(fields) => void save(fields)}
            disabled={!admin || saving}
            className="settings-form"
          >
            <Form.Item
              name="serviceUrl"
              label={m.settings.serviceUrl}
              extra={view.lockedByEnvironment.serviceUrl ? m.settings.lockedByEnvironment : m.settings.serviceHint}
            >
              <Input data-testid="settings-service-url" inputMode="url" autoComplete="off" />
            </Form.Item>
            <Form.Item
              name="updateUrl"
              label={m.settings.updateUrl}
              extra={view.lockedByEnvironment.updateUrl ? m.settings.lockedByEnvironment : m.settings.updateHint}
            >
              <Input data-testid="settings-update-url" inputMode="url" autoComplete="off" />
            </Form.Item>
            {!admin && <Alert type="info" showIcon title={m.settings.adminOnly} className="settings-alert" />}
            {error && (
              <Alert
                type="error"
                showIcon
                title={m.error[error.code]}
                description={error.message}
                data-testid="settings-error"
                className="settings-alert"
              />
            )}
            {view.restartNeeded && (
              <Alert
                type="warning"
                showIcon
                data-testid="settings-restart-needed"
                title={m.settings.restartNeeded}
                description={view.canRestart ? undefined : m.settings.restartBrowser}
                action={
                  view.canRestart && admin ? (
                    <Button size="small" loading={restarting} onClick={() => void restart()}>
                      {restarting ? m.settings.restarting : m.settings.restart}
                    </Button>
                  ) : undefined
                }
                className="settings-alert"
              />
            )}
            <Button type="primary" htmlType="submit" loading={saving} data-testid="settings-save">
              {m.settings.save}
            </Button>
          </Form>
        </Card>
        <DiagnosticsCard />
      </Space>
    </section>
  );
}

/** 导出诊断信息: one zip for support; a download in browser mode, a file path in the desktop app. */
function DiagnosticsCard() {
  const m = useMessages();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ exportId: string; fileName: string; path: string } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const run = async () => {
    setBusy(true);
    setError(null);
    const answer = await api['diagnostics.export']({});
    setBusy(false);
    if (answer.ok) setDone(answer.value);
    else setError(answer.error);
  };
  const url = done ? exportDownloadUrl(done.exportId) : null;

  return (
    <Card title={m.settings.diagnostics} size="small">
      <Typography.Paragraph type="secondary">{m.settings.diagnosticsHint}</Typography.Paragraph>
      <Space orientation="vertical" style={{ display: 'flex' }}>
        <Button onClick={() => void run()} loading={busy} data-testid="diagnostics-export">
          {m.settings.export}
        </Button>
        {done && (
          <Alert
            type="success"
            showIcon
            data-testid="diagnostics-done"
            title={fill(m.settings.exported, { fileName: done.fileName })}
            description={url ? undefined : fill(m.settings.savedAt, { path: done.path })}
            action={
              url ? (
                <Button size="small" href={url} download={done.fileName} data-testid="diagnostics-download">
                  {m.settings.download}
                </Button>
              ) : undefined
            }
          />
        )}
        {error && <Alert type="error" showIcon title={m.error[error.code]} />}
      </Space>
    </Card>
  );
}
