import { Button, Text } from '@tarojs/components';
import type { MemberView } from '../../../../shared/contract/account';
import { Card } from '../../components/Card';
import { ROLE_LABELS } from '../../labels';
import { go, ROUTES } from '../../routes';

const TEXT = {
  role: '身份',
  staff: {
    title: '中心工作台',
    hint: '发布本月清单、签到、回复居民需求，查看本中心数据。',
    open: '进入中心工作台',
  },
  office: {
    title: '街道工作台',
    hint: '查看各中心服务情况、导出表格、星级评定，邀请社工。',
    open: '进入街道工作台',
  },
  admin: { title: '全市概览', hint: '全市的中心、活动和参与情况，邀请街道。', open: '进入全市概览' },
} as const;

const DESTINATION = { staff: ROUTES.staff, office: ROUTES.office, admin: ROUTES.city } as const;

/** Staff, street offices and the city each get one way into their own workspace. */
export function WorkplaceHome({ member }: { member: MemberView }) {
  const { role } = member;
  if (role === 'resident') return null;
  const text = TEXT[role];
  return (
    <Card title={text.title}>
      <Text className="kv">
        <Text className="kv__key">{TEXT.role}</Text>
        {ROLE_LABELS[role]}
      </Text>
      <Text className="muted">{text.hint}</Text>
      <Button className="btn btn--primary" onClick={() => go(DESTINATION[role])}>
        {text.open}
      </Button>
    </Card>
  );
}
