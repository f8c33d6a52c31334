import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { answerPrivacy, PRIVACY_AGREE_BUTTON_ID, usePrivacyRequest } from '../state/privacy';

const TEXT = {
  title: '个人信息保护提示',
  body: '为了给您提供服务，幸福邻里需要使用您的部分信息（如复制邀请码用到的剪贴板）。我们只把它们用于您正在做的事，不会用作别的用途。',
  read: '查看《隐私保护指引》',
  agree: '同意并继续',
  disagree: '不同意',
} as const;

/** Shown when WeChat asks for privacy consent (weapp only); the agree button is WeChat's own consent button. */
export function PrivacySheet() {
  const open = usePrivacyRequest();
  if (!open) return null;
  return (
    <View className="sheet-mask">
      <View className="sheet" role="dialog" aria-label={TEXT.title}>
        <Text className="sheet__title">{TEXT.title}</Text>
        <Text className="sheet__body">{TEXT.body}</Text>
        <Button className="btn btn--link" onClick={() => Taro.openPrivacyContract()}>
          {TEXT.read}
        </Button>
        <Button
          id={PRIVACY_AGREE_BUTTON_ID}
          className="btn btn--primary"
          openType="agreePrivacyAuthorization"
          onAgreePrivacyAuthorization={() => answerPrivacy(true)}
        >
          {TEXT.agree}
        </Button>
        <Button className="btn btn--plain" onClick={() => answerPrivacy(false)}>
          {TEXT.disagree}
        </Button>
      </View>
    </View>
  );
}
