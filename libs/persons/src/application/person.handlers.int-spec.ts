import { auditStreamId } from '#audit';
import { ReceiveReportHandler, ReceiveReportMessage } from '#cases/application';
import { caseStreamId } from '#cases';
import type { WriteContext } from '#event-store';
import { LegalHoldError } from '#security';
import { newId, parseZoned } from '#shared-kernel';
import { useHandlerStore } from '#testing';
import { personStreamId } from '../index.js';
import { ErasePersonHandler } from './erase-person.handler.js';
import { GetPersonHandler, RegisterPersonHandler } from './person.handlers.js';
import { ErasePersonMessage, GetPersonQuery, RegisterPersonMessage } from './person.messages.js';
import type { PersonalData } from './personal-data.js';

/**
 * The person handlers on their own (handler tier): a registration is sealed and linked to its
 * case in one append, a read is audited before the data is opened, and an erasure is recorded
 * before the key is destroyed (and refused under a legal hold, with nothing written).
 */
const ctx = (): WriteContext => ({
  actor: { userId: 'officer-ls-1', role: 'liaison_officer', unitId: 'VN-LS-BLO' },
  now: new Date('2026-03-06T03:00:00Z'),
  correlationId: newId(),
});
const HOA: PersonalData = {
  fullName: 'Nguyễn Thị Hoa',
  nameVariants: [],
  sex: 'female',
  dateOfBirth: '2009-04',
  nationality: 'VN',
  documents: [],
};

describe('person handlers on the SQL store (handler tier)', () => {
  const h = useHandlerStore();
  const read = (personId: string) =>
    new GetPersonHandler(h().store, h().cipher).execute(new GetPersonQuery(personId, ctx(), 'identification'));

  async function registered(): Promise<{ caseId: string; personId: string }> {
    const { id: caseId } = await new ReceiveReportHandler(h().store).execute(
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
    const { id: personId } = await new RegisterPersonHandler(h().store, h().cipher).execute(
      new RegisterPersonMessage(caseId, 'presumed_victim', HOA, ctx()),
    );
    return { caseId, personId };
  }

  it('registers a person sealed, counted as under 18, and linked to the case in the same append', async () => {
    const { caseId, personId } = await registered();
    const [event] = await h().events(personStreamId(personId));
    expect(JSON.stringify(event.data)).not.toContain('Hoa');
    expect(event.data).toMatchObject({ personId, caseId, ageBand: 'under_18' });
    const link = (await h().events(caseStreamId(caseId))).find((e) => e.type === 'PersonLinked');
    expect(link?.data).toMatchObject({ personId });
    expect(link?.metadata.correlationId).toBe(event.metadata.correlationId);
  });

  it('records the read, with its purpose, before it opens the data', async () => {
    const { caseId, personId } = await registered();
    const view = await read(personId);
    expect(view).toMatchObject({ erased: false, personal: { fullName: 'Nguyễn Thị Hoa' } });
    expect(await h().events(auditStreamId(personId))).toMatchObject([
      {
        type: 'PersonalDataRead',
        data: {
          subjectKind: 'person',
          subjectId: personId,
          caseId,
          purpose: 'identification',
          via: 'GET /persons/{id}',
        },
      },
    ]);
  });

  it('records the erasure and destroys the key: the person reads as erased from then on', async () => {
    const { personId } = await registered();
    await new ErasePersonHandler(h().store, h().keys).execute(new ErasePersonMessage(personId, 'court order', ctx()));
    expect((await h().events(personStreamId(personId))).map((e) => e.type)).toContain('PersonalDataErased');
    expect(await h().keys.status(personId)).toMatchObject({ shreddedAt: expect.any(Date) });
    expect(await read(personId)).toMatchObject({ erased: true, personal: null });
  });

  it('refuses an erasure under a legal hold and writes nothing', async () => {
    const { personId } = await registered();
    await h().keys.setLegalHold(personId, 'evidence in prosecution');
    const before = await h().store.headPosition();
    const attempt = new ErasePersonHandler(h().store, h().keys).execute(
      new ErasePersonMessage(personId, 'request of the person', ctx()),
    );
    await expect(attempt).rejects.toBeInstanceOf(LegalHoldError);
    expect(await h().store.headPosition()).toBe(before);
    expect(await read(personId)).toMatchObject({ erased: false });
  });
});
