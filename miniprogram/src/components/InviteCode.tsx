import { Button, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatDateTime } from '../format';
import { Card } from './Card';

const TEXT = {
  title: '邀请码已生成',
  for: '邀请对象',
  expires: (when: string) => `有效期至 ${when}，只能用一次。`,
  hint: '请把邀请码告诉对方，对方在“我的 → 使用邀请码”里输入。',
  copy: '复制邀请码',
  copied: '已复制',
} as const;

export interface InviteCodeProps {
  code: string;
  expiresAt: string;
  /** Who the code is for, e.g. the center's name. */
  target: string;
}

/** A fresh invite code, big enough to read out over the phone, with a copy button. */
export function InviteCode({ code, expiresAt, target }: InviteCodeProps) {
  const copy = () => {
    // Copying is a privacy-relevant API on weapp: WeChat may ask for consent first (see PrivacySheet).
    void Taro.setClipboardData({ data: code }).then(() =>
      Taro.showToast({ title: TEXT.copied, icon: 'none' }),
    );
  };
  return (
    <Card title={TEXT.title}>
      <Text className="kv">
        <Text className="kv__key">{TEXT.for}</Text>
        {target}
      </Text>
      <Text className="code" aria-label={code.split('').join(' ')}>
        {code}
      </Text>
      <Text className="muted">{TEXT.expires(formatDateTime(expiresAt))}</Text>
      <Text className="muted">{TEXT.hint}</Text>
      <Button className="btn btn--plain" onClick={copy}>
        {TEXT.copy}
      </Button>
    </Card>
  );
}
