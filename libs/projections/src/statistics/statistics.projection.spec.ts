import { KeyStore, MasterKey, PersonalDataCipher } from '#security';
import { newId } from '#shared-kernel';
import {
  APPLY_MODES,
  ProjectionHarness,
  useProjectionHarness,
  viewNamer,
  type GivenEvent,
} from '../spec-support/projection.spec-fixtures.js';
import type { PersonRegistered } from '#persons';
import { personRegistered, reportReceived } from '../spec-support/given-events.js';
import { statisticsProjection } from './statistics.projection.js';
import { statisticsOf } from './statistics.spec-fixtures.js';
import { sexOpener } from './sex-opener.js';

const onCase = (type: string, caseId: string, at: string, extra: object = {}): GivenEvent => ({
  type,
  streamId: `case-${caseId}`,
  data: { caseId, ...extra },
  occurredAt: at,
});

describe.each(APPLY_MODES)('statistics projection (%s)', (_mode, batched) => {
  let keys: KeyStore;
  let cipher: PersonalDataCipher;
  const h = useProjectionHarness(() => statisticsProjection(sexOpener(cipher)), batched);

  beforeAll(async () => {
    keys = new KeyStore(h.sql, MasterKey.fromBase64(Buffer.alloc(32, 9).toString('base64')));
    await keys.migrate();
    cipher = new PersonalDataCipher(keys);
  });

  const stats = (period: string, province: string | null = null) => statisticsOf(h.sql, period, province);

  const person = async (
    caseId: string,
    sex: string | null,
    extra: Partial<PersonRegistered['data']> = {},
    at = '2026-03-10T09:00:00+07:00',
  ) => {
    const personId = newId();
    const personal = await cipher.encrypt(personId, { fullName: 'Nguyễn Thị Hoa', nameVariants: [], sex });
    return { personId, event: personRegistered({ personId, caseId }, personal, at, extra) };
  };

  it('cuts the quarter at midnight Vietnam time, whatever offset a report was declared in', async () => {
    await h.given(
      reportReceived(newId(), { at: '2026-03-31T23:59:59+07:00' }),
      reportReceived(newId(), { at: '2026-04-01T00:30:00+08:00' }), // 23:30 on 31 March in Vietnam
      reportReceived(newId(), { at: '2026-04-01T00:00:00+07:00' }),
      reportReceived(newId(), { at: '2026-03-31T17:00:00Z' }), // 00:00 on 1 April in Vietnam
      reportReceived(newId(), { at: '2025-12-31T23:59:59+07:00' }),
      reportReceived(newId(), { at: '2026-01-01T00:00:00+07:00' }),
    );
    expect((await stats('2026-Q1')).reports.received).toBe(3);
    expect((await stats('2026-Q2')).reports.received).toBe(2);
    expect((await stats('2025-Q4')).reports.received).toBe(1);
    expect((await stats('2026-H1')).reports.received).toBe(5);
    expect((await stats('2026')).reports.received).toBe(5);
  });

  it('counts reports classified and resolved by the end of the period, with the rates against the targets', async () => {
    const [a, b, c, d] = [newId(), newId(), newId(), newId()];
    await h.given(
      reportReceived(a, { at: '2026-01-05T09:00:00+07:00', channel: 'hotline' }),
      reportReceived(b, { at: '2026-02-05T09:00:00+07:00', channel: 'self_report' }),
      reportReceived(c, { at: '2026-03-05T09:00:00+07:00', channel: 'self_report' }),
      reportReceived(d, { at: '2026-03-30T09:00:00+07:00', channel: 'rescue' }),
      onCase('CaseClassified', a, '2026-01-06T09:00:00+07:00', { classification: 'trafficking_suspected' }),
      onCase('CaseClassified', a, '2026-01-07T09:00:00+07:00', { classification: 'not_trafficking' }),
      onCase('CaseClassified', b, '2026-02-06T09:00:00+07:00', { classification: 'trafficking_suspected' }),
      onCase('CaseClassified', c, '2026-03-06T09:00:00+07:00', { classification: 'trafficking_suspected' }),
      onCase('CaseClassified', d, '2026-04-02T09:00:00+07:00', { classification: 'trafficking_suspected' }),
      onCase('CaseResolved', a, '2026-02-01T09:00:00+07:00', { resolution: 'r' }),
      onCase('CaseResolved', b, '2026-03-01T09:00:00+07:00', { resolution: 'r' }),
      onCase('CaseReopened', b, '2026-03-02T09:00:00+07:00', { reason: 'r' }),
    );
    const q1 = (await stats('2026-Q1')).reports;
    expect(q1).toMatchObject({
      received: 4,
      classified: 3,
      resolved: 1,
      classifiedRate: 0.75,
      resolvedRate: 0.25,
      meetsClassifiedTarget: false,
      meetsResolvedTarget: false,
      byChannel: { hotline: 1, self_report: 2, rescue: 1 },
    });
    const h1 = (await stats('2026-H1')).reports;
    expect(h1).toMatchObject({ received: 4, classified: 4, classifiedRate: 1, meetsClassifiedTarget: true });
    expect((await stats('2026-Q2')).reports).toMatchObject({
      received: 0,
      classifiedRate: null,
      meetsClassifiedTarget: null,
    });
  });

  it('counts persons on the victim track by channel, sex (opened from the sealed data), age band, status and province', async () => {
    const hotline = newId();
    const self = newId();
    await h.given(
      reportReceived(hotline, { at: '2026-03-01T09:00:00+07:00', channel: 'hotline', province: 'lang-son' }),
    );
    await h.given(
      reportReceived(self, { at: '2026-03-01T09:00:00+07:00', channel: 'self_report', province: 'lao-cai' }),
    );
    const women = await Promise.all([person(hotline, 'female'), person(hotline, 'female'), person(self, 'male')]);
    const minor = await person(self, null, {
      role: 'accompanying_minor',
      ageBand: 'under_18',
      identification: 'accompanying',
    });
    const suspect = await person(self, 'male', { role: 'suspect', identification: 'not_on_victim_track' });
    await h.given(...women.map((p) => p.event), minor.event, suspect.event, {
      type: 'IdentificationBegun',
      streamId: `person-${women[0].personId}`,
      data: { personId: women[0].personId, caseId: hotline, basis: null },
    });
    const persons = (await stats('2026-Q1')).persons;
    expect(persons).toEqual({
      total: 4,
      byChannel: { hotline: 2, self_report: 2 },
      bySex: { female: 2, male: 1, unknown: 1 },
      byAgeBand: { adult: 3, under_18: 1 },
      byStatus: { presumed: 2, under_identification: 1, accompanying: 1 },
      byProvince: { 'lang-son': 2, 'lao-cai': 2 },
      byRole: { presumed_victim: 3, accompanying_minor: 1 },
      accompanyingMinors: 1,
    });
    expect((await stats('2026-Q1', 'lao-cai')).persons.total).toBe(2);
  });

  it('counts a person in the period their case was received, even when registered later', async () => {
    const caseId = newId();
    await h.given(reportReceived(caseId, { at: '2026-03-31T23:00:00+07:00' }));
    const late = await person(caseId, 'male', {}, '2026-04-03T09:00:00+07:00');
    await h.given(late.event);
    expect((await stats('2026-Q1')).persons.total).toBe(1);
    expect((await stats('2026-Q2')).persons.total).toBe(0);
  });

  it('counts an erased person’s sex as unknown, at query time and when rebuilt after the shredding', async () => {
    const caseId = newId();
    await h.given(reportReceived(caseId, { at: '2026-03-01T09:00:00+07:00' }));
    const p = await person(caseId, 'female');
    const [registered] = await h.given(p.event);
    expect((await stats('2026-Q1')).persons.bySex).toEqual({ female: 1 });
    await keys.shred(p.personId);
    expect((await stats('2026-Q1')).persons.bySex).toEqual({ unknown: 1 });
    const rebuilt = await ProjectionHarness.start(statisticsProjection(sexOpener(new PersonalDataCipher(keys))), h.sql);
    await rebuilt.given(reportReceived(caseId, { at: '2026-03-01T09:00:00+07:00' }));
    await rebuilt.apply(registered);
    const row = await h.sql.query<{ sex: string }>(`SELECT sex FROM ${viewNamer('stat_persons')}`);
    expect(row.rows).toEqual([{ sex: 'unknown' }]);
  });

  it('a duplicate event changes nothing', async () => {
    const caseId = newId();
    const p = await person(caseId, 'female');
    const recorded = await h.given(
      reportReceived(caseId, { at: '2026-03-01T09:00:00+07:00' }),
      p.event,
      onCase('CaseResolved', caseId, '2026-03-02T09:00:00+07:00', { resolution: 'r' }),
      onCase('CaseReopened', caseId, '2026-03-03T09:00:00+07:00', { reason: 'r' }),
      {
        type: 'VictimIdentified',
        streamId: `person-${p.personId}`,
        data: { personId: p.personId, caseId, evidenceBases: [], documentRef: null },
      },
    );
    const before = await h.snapshot();
    for (const e of recorded) await h.apply(e);
    await h.applyBatch(recorded);
    expect(await h.snapshot()).toEqual(before);
    expect((await stats('2026-Q1')).reports.resolved).toBe(0);
  });
});
