import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { call } from '../../../api/client';
import { summaryApi } from '../../../api/functions/summary';
import { FormError } from '../../../components/Status';
import { SubmitButton } from '../../../components/SubmitButton';
import { useMutation } from '../../../hooks/useMutation';
import type { MonthRange } from '../../../summary/MonthRangePicker';
import { saveWorkbook } from '../../../summary/saveWorkbook';

const TEXT = {
  export: '导出表格',
  exporting: '正在生成表格…',
  saved: (name: string) => `✓ 已导出：${name}`,
} as const;

/** 导出表格: the street summary of the chosen months as an Excel workbook, saved and opened on the phone. */
export function ExportButton({ range }: { range: MonthRange }) {
  const exporting = useMutation((input: MonthRange) => call(summaryApi, 'export', input));
  const [saved, setSaved] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);

  const run = async () => {
    setSaved(null);
    setSaveError(null);
    const outcome = await exporting.run(range);
    if (!outcome.ok) return;
    const result = await saveWorkbook(outcome.data);
    if (result.ok) setSaved(outcome.data.filename);
    else setSaveError(result.message);
  };

  return (
    <View className="export">
      <SubmitButton
        label={TEXT.export}
        busy={exporting.pending}
        busyLabel={TEXT.exporting}
        onSubmit={() => void run()}
      />
      <FormError error={exporting.error} />
      {saveError ? (
        <View role="alert">
          <Text className="form-error">⚠ {saveError}</Text>
        </View>
      ) : null}
      {saved ? (
        <View role="status">
          <Text className="export__done">{TEXT.saved(saved)}</Text>
        </View>
      ) : null}
    </View>
  );
}
