import { z } from 'zod';
import { defineAction } from '../../server/contracts/action';
import { contracts } from '../../server/contracts';
import type { ActionContract } from '../../server/contracts/action';
import { runAction } from '../../server/runtime/router';

// BAD_INPUT answers name the field as the worker or cadre knows it, through the router's own validation.
async function badInput(contract: ActionContract, input: unknown): Promise<unknown> {
  const handler = () => Promise.reject(new Error('the handler must not run on bad input'));
  return runAction('test', contract, handler, input, () => null);
}

const message = async (contract: ActionContract, input: unknown) => ((await badInput(contract, input)) as { message: string }).message;

const submitInput = {
  category: 'migrantWages', title: '工资被拖欠', description: '三个月的工资还没有发放', contactName: '张师傅', contactMobile: '13800000000', orgId: 'qh-xining', clientRequestId: 'abcdefgh12',
};

describe('BAD_INPUT names the field in Chinese', () => {
  test('the code and the shape stay as they were', async () => {
    const reply = await badInput(contracts.requests.submit, { ...submitInput, photos: ['cloud://ok/1.jpg', 'cloud://ok/2.jpg', 'not a file'] });
    expect(reply).toEqual({ ok: false, code: 'BAD_INPUT', message: '输入有误(第 3 张照片):文件地址无效' });
  });

  test('a nested field through every level: the third answer\'s second option of a paper', async () => {
    const answers = [{ questionId: 'party-001', choice: ['A'] }, { questionId: 'party-002', choice: ['B'] }, { questionId: 'party-003', choice: ['A', '$gt'] }];
    expect(await message(contracts.quiz.submitAttempt, { attemptId: 'a1', answers })).toBe('输入有误(第 3 题的所选答案第 2 项):选项编号无效');
    expect(await message(contracts.quiz.submitAttempt, { attemptId: { $ne: '' }, answers: [] })).toBe('输入有误(答卷):格式不正确');
  });

  test('a schema message that names the field already is not told twice', async () => {
    expect(await message(contracts.requests.submit, { ...submitInput, title: '欠' })).toBe('输入有误:标题至少 2 个字');
    expect(await message(contracts.account.updateProfile, { nickname: '   ' })).toBe('输入有误:请填写昵称');
    expect(await message(contracts.requests.submit, { ...submitInput, orgId: 'qh xining' })).toBe('输入有误(组织):只能包含字母、数字、下划线和连字符');
  });

  test('a contract names its own fields where the common name does not fit', async () => {
    expect(await message(contracts.reading.writeReflection, { storyId: 'labor-01', text: '好', clientRequestId: 'abcdefgh12' })).toBe('输入有误:读后感至少 5 个字');
    expect(await message(contracts.reading.getChunk, { storyId: 'labor-01', from: -1 })).toBe('输入有误(起始段落):不能小于 0');
    expect(await message(contracts.requests.reopen, { requestId: 'r1', reason: 7 })).toBe('输入有误(重新办理的原因):格式不正确');
  });

  test('a field without a name is shown by its path; an unknown field by its key', async () => {
    const contract = defineAction<null>()({ input: z.strictObject({ widgets: z.array(z.strictObject({ size: z.number().max(3) })), title: z.string().max(2) }) });
    expect(await message(contract, { widgets: [{ size: 9 }], title: '' })).toBe('输入有误(widgets.0.size):不能大于 3');
    expect(await message(contract, { widgets: [], title: '太长的标题' })).toBe('输入有误(标题):不能超过 2 个字');
    expect(await message(contracts.account.updateProfile, { nickname: '张', openid: 'someone-else' })).toBe('输入有误:不认识的字段 openid');
  });

  test('a contract can only name fields its input has', () => {
    // @ts-expect-error -- not a field of this input
    defineAction<null>()({ input: z.strictObject({ title: z.string() }), labels: { subtitle: '副标题' } });
    expect(defineAction<null>()({ input: z.strictObject({ title: z.string() }), labels: { title: '名称' } }).labels).toEqual({ title: '名称' });
  });
});
