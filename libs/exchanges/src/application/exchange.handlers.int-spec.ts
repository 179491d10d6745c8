import { auditStreamId } from '#audit';
import { ReceiveReportHandler, ReceiveReportMessage } from '#cases/application';
import { caseStreamId } from '#cases';
import type { WriteContext } from '#event-store';
import { DomainError, newId, parseZoned } from '#shared-kernel';
import { useHandlerStore } from '#testing';
import { exchangeStreamId } from '../index.js';
import { ExchangeApplicationErrors, LogMessageHandler, OpenExchangeHandler } from './exchange-command.handlers.js';
import { GetExchangeQuery, LogMessageMessage, OpenExchangeMessage, type MessageDraft } from './exchange.messages.js';
import { GetExchangeHandler } from './get-exchange.handler.js';

/**
 * The exchange handlers on their own (handler tier): what they seal, link, refuse and audit,
 * on the real SQL store and key store, with no HTTP or Nest in between.
 */
const at = new Date('2026-03-06T03:00:00Z');
const ctx = (): WriteContext => ({
  actor: { userId: 'officer-ls-1', role: 'liaison_officer', unitId: 'VN-LS-BLO' },
  now: at,
  correlationId: newId(),
});
const SUBJECT = '关于一名获救妇女的通报';
const BODY = 'Nạn nhân khai tên là Lò Thị Mai, sinh năm 2008.';
const letter: MessageDraft = {
  direction: 'incoming',
  subject: SUBJECT,
  body: BODY,
  language: 'zh',
  handlingCode: 'H1',
  occurredAt: parseZoned('2026-03-06T10:00:00+08:00'),
  carriesPersonalData: true,
};

describe('exchange handlers on the SQL store (handler tier)', () => {
  const h = useHandlerStore();
  // Async, as the bus is: a refusal thrown before the handler's first await becomes a rejection.
  const open = async (caseIds: readonly string[], counterpart = 'CN-GX-PSD') =>
    new OpenExchangeHandler(h().store, h().cipher).execute(
      new OpenExchangeMessage({ caseIds, counterpart, channel: 'secure_email', message: letter }, ctx()),
    );
  const read = (id: string, mayReadContent: boolean) =>
    new GetExchangeHandler(h().store, h().cipher).execute(new GetExchangeQuery(id, ctx(), mayReadContent));

  async function newCaseId(): Promise<string> {
    const answer = await new ReceiveReportHandler(h().store).execute(
      new ReceiveReportMessage(
        {
          channel: 'hotline',
          province: 'lang-son',
          summary: 'handler tier',
          occurredAt: parseZoned('2026-03-05T09:00:00+07:00'),
          receivingUnit: 'VN-LS-BLO',
        },
        ctx(),
      ),
    );
    return answer.id;
  }

  it('opens a thread with its content sealed and the case linked in the same append', async () => {
    const caseId = await newCaseId();
    const answer = await open([caseId]);
    const thread = await h().events(exchangeStreamId(answer.id));
    expect(thread.length).toBeGreaterThan(0);
    const stored = JSON.stringify(thread.map((e) => e.data));
    expect(stored).not.toContain(SUBJECT);
    expect(stored).not.toContain('Lò Thị Mai');
    const link = (await h().events(caseStreamId(caseId))).find((e) => e.type === 'ExchangeLinked');
    expect(link?.data).toMatchObject({ exchangeId: answer.id });
    // One append: the link follows the thread's last event directly, under the same correlation.
    expect(link?.position).toBe(thread.at(-1)!.position + 1n);
    expect(link?.metadata.correlationId).toBe(thread[0].metadata.correlationId);
  });

  it('opens the content for a reader who may see it, after recording the read under the case', async () => {
    const caseId = await newCaseId();
    const { id } = await open([caseId]);
    const view = await read(id, true);
    expect(view.messages).toMatchObject([{ subject: SUBJECT, body: BODY, masked: false }]);
    const audit = await h().events(auditStreamId(id));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      type: 'PersonalDataRead',
      data: { subjectKind: 'exchange', subjectId: id, caseId, via: 'GET /exchanges/{id}' },
      metadata: { caseId },
    });
  });

  it('masks the content for a reader who may not see it, and records no read', async () => {
    const { id } = await open([await newCaseId()]);
    const view = await read(id, false);
    expect(view.messages).toMatchObject([{ subject: null, body: null, masked: true }]);
    expect(await h().events(auditStreamId(id))).toEqual([]);
  });

  it('refuses a message to a thread that does not exist, and writes nothing', async () => {
    const before = await h().store.headPosition();
    const attempt = new LogMessageHandler(h().store, h().cipher).execute(new LogMessageMessage(newId(), letter, ctx()));
    await expect(attempt).rejects.toMatchObject({ code: 'EXCHANGE.NOT_FOUND' });
    expect(await h().store.headPosition()).toBe(before);
  });

  it('refuses a counterpart outside the register before anything is written', async () => {
    const caseId = await newCaseId();
    const before = await h().store.headPosition();
    const attempt = open([caseId], 'CN-XX-NONE');
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    await expect(attempt).rejects.toMatchObject({ code: ExchangeApplicationErrors.UNKNOWN_COUNTERPART });
    expect(await h().store.headPosition()).toBe(before);
  });
});
