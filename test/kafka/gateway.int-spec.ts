import { describeWhen, kafkaUnavailable } from '#testing';
import type { Producer } from 'kafkajs';
import { EVENT_STORE } from '#event-store';
import { newId } from '#shared-kernel';
import { CounterpartGatewayService, DLQ_HEADERS, GATEWAY_USER_ID } from '#messaging';
import { head, newCase, openCase, presumedVictim, registerPerson } from '../e2e/support/journey.js';
import { startTestApp, type Caller, type TestApp } from '../e2e/support/test-app.js';
import { Outcomes, connectedProducer, counterpartMessage, json, readLog, readRaw, send } from './gateway-fixtures.js';
import { startKafka, type TestKafka } from './kafka-broker.js';
import { createTopic, readTopic, topicSize } from './relay-fixtures.js';

/**
 * The counterpart gateway inside the api, against a real broker: messages on the counterpart
 * topic become incoming exchange messages readable through the API, a redelivery writes
 * nothing, and what cannot be recorded lands on the dead-letter topic without stalling anything.
 */
const SUITE = 'test/kafka/gateway.int-spec.ts';
const suffix = newId();
const IN = `counterpart-${suffix}`;
const DLQ = `counterpart-dlq-${suffix}`;

let kafka: TestKafka;
let api: TestApp;
let producer: Producer;
let officer: Caller;
let caseId: string;
const outcomes = new Outcomes();

async function exchange(id: string) {
  const r = await officer.get(`/exchanges/${id}`);
  expect(r.status).toBe(200);
  return r.body;
}

describeWhen(kafkaUnavailable(), 'counterpart gateway against a real broker', () => {
  beforeAll(async () => {
    kafka = await startKafka(SUITE);
    await createTopic(kafka.brokers, IN, 3);
    await createTopic(kafka.brokers, DLQ, 1);
    await createTopic(kafka.brokers, `events-${suffix}`, 1);
    api = await startTestApp('pglite', {
      KAFKA_BROKERS: kafka.brokers.join(','),
      KAFKA_COUNTERPART_TOPIC: IN,
      KAFKA_DEAD_LETTER_TOPIC: DLQ,
      KAFKA_CONSUMER_GROUP: `gateway-${suffix}`,
      KAFKA_EVENTS_TOPIC: `events-${suffix}`,
    });
    const gateway = api.app.get(CounterpartGatewayService);
    gateway.onOutcome(outcomes.listener);
    await gateway.started();
    producer = await connectedProducer(kafka.brokers);
    officer = await api.as('liaison_officer');
    caseId = await openCase(officer);
  }, 240_000);

  afterAll(async () => {
    await producer?.disconnect();
    await api?.close();
    await kafka?.dispose();
  }, 60_000);

  it('records a valid message as an incoming message of a new exchange on the case, text unchanged', async () => {
    const m = counterpartMessage({ caseIds: [caseId], theirReference: '桂公(2026)45号' });
    const outcome = await outcomes.of(await send(producer, IN, caseId, json(m)));
    expect(outcome).toMatchObject({ kind: 'recorded', counterpartMessageId: m.messageId });
    if (outcome.kind !== 'recorded') return;

    const view = await exchange(outcome.exchangeId);
    expect(view).toMatchObject({
      counterpart: { code: 'CN-GX-PSD' },
      channel: 'secure_email',
      caseIds: [caseId],
      status: 'open',
    });
    expect(view.messages).toHaveLength(1);
    expect(view.messages[0]).toMatchObject({
      messageId: outcome.messageId,
      direction: 'incoming',
      language: 'zh',
      handlingCode: 'H1',
      subject: m.subject,
      body: m.body,
      theirReference: '桂公(2026)45号',
      carriesPersonalData: true,
      transmittedAt: { at: '2026-03-06T02:00:00.000Z', offset: '+08:00' },
    });
    // The case shows the thread, as for an exchange opened over HTTP.
    const kase = await officer.get(`/cases/${caseId}`);
    expect(kase.body.exchangeIds).toContain(outcome.exchangeId);

    // Sealed like any message: no personal text in the log, the system actor recorded it.
    const events = await readLog(api.app.get(EVENT_STORE));
    const logged = events.filter((e) => e.type === 'MessageLogged' && e.streamId === `exchange-${outcome.exchangeId}`);
    expect(logged).toHaveLength(1);
    expect(logged[0].metadata.actor).toMatchObject({ userId: GATEWAY_USER_ID, role: 'liaison_officer' });
    const log = JSON.stringify(events, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
    expect(log).toContain(outcome.exchangeId);
    for (const p of ['Nguyễn Thị Hoa', 'B7654321', '阮氏花']) expect(log).not.toContain(p);
  }, 90_000);

  it('records a message delivered twice once; the same id with other content is dead-lettered', async () => {
    const m = counterpartMessage({ caseIds: [caseId] });
    const first = await outcomes.of(await send(producer, IN, caseId, json(m)));
    expect(first.kind).toBe('recorded');
    const position = await head(api);
    const dlqBefore = await topicSize(kafka.brokers, DLQ);

    // Redelivered with its fields in another order: the same message.
    const again = await outcomes.of(
      await send(producer, IN, caseId, json(Object.fromEntries(Object.entries(m).reverse()))),
    );
    expect(again).toMatchObject({ kind: 'duplicate' });
    if (again.kind !== 'duplicate' || first.kind !== 'recorded') return;
    expect({ exchangeId: again.exchangeId, messageId: again.messageId }).toEqual({
      exchangeId: first.exchangeId,
      messageId: first.messageId,
    });
    expect(await head(api)).toBe(position);
    expect((await exchange(first.exchangeId)).messages).toHaveLength(1);
    expect(await topicSize(kafka.brokers, DLQ)).toBe(dlqBefore);

    const before = await head(api); // reading the thread above was audited: a new position
    const changed = await outcomes.of(await send(producer, IN, caseId, json({ ...m, body: 'nội dung khác' })));
    expect(changed).toMatchObject({ kind: 'dead_lettered', rejection: { reason: 'duplicate_conflict' } });
    expect(await head(api)).toBe(before);
    expect(await topicSize(kafka.brokers, DLQ)).toBe(dlqBefore + 1);
  }, 90_000);

  it('a malformed and a duplicate message: one dead-letter record with the original bytes, one recorded message, partition not stalled', async () => {
    const key = newId(); // one key: every record below sits in the same partition, in this order
    const dlqBefore = await topicSize(kafka.brokers, DLQ);
    const malformed = Buffer.from([0x7b, 0x22, 0x6d, 0xff, 0xfe, 0x22, 0x7d]); // '{"m' + invalid UTF-8
    const bad = await send(producer, IN, key, malformed);
    const m = counterpartMessage({ caseIds: [caseId] });
    const good = await send(producer, IN, key, json(m));
    const dup = await send(producer, IN, key, json(m));
    expect(new Set([bad.partition, good.partition, dup.partition]).size).toBe(1);

    expect(await outcomes.of(bad)).toMatchObject({ kind: 'dead_lettered', rejection: { reason: 'invalid_utf8' } });
    const recorded = await outcomes.of(good);
    expect(recorded.kind).toBe('recorded');
    expect((await outcomes.of(dup)).kind).toBe('duplicate');
    if (recorded.kind !== 'recorded') return;
    expect((await exchange(recorded.exchangeId)).messages).toHaveLength(1);

    expect(await topicSize(kafka.brokers, DLQ)).toBe(dlqBefore + 1);
    const dlq = await readTopic(kafka.brokers, DLQ, (all) => all.length >= dlqBefore + 1, 60_000);
    const record = dlq.find((r) => r.headers[DLQ_HEADERS.offset] === bad.offset && r.key === key);
    expect(record).toBeDefined();
    expect(record!.headers).toMatchObject({
      [DLQ_HEADERS.reason]: 'invalid_utf8',
      [DLQ_HEADERS.topic]: IN,
      [DLQ_HEADERS.partition]: String(bad.partition),
      'x-sender': 'gx-psd-gateway',
    });
    // The value is the original bytes, invalid UTF-8 and all.
    const raw = await readRaw(kafka.brokers, DLQ, (h) => h[DLQ_HEADERS.offset] === bad.offset);
    expect(raw.equals(malformed)).toBe(true);
  }, 120_000);

  it.each([
    ['unknown counterpart', { counterpart: 'CN-XX-NOPE' }, { reason: 'unknown_counterpart' }],
    ['a case that does not exist', { caseIds: [newId()] }, { reason: 'refused' }],
    ['an exchange that does not exist', { caseIds: undefined, exchangeId: newId() }, { reason: 'exchange_not_found' }],
    ['a field outside the contract', { fullName: 'Nguyễn Thị Hoa' }, { reason: 'unknown_field', field: 'fullName' }],
    ['not JSON', null, { reason: 'invalid_json' }],
    [
      'a named person with another field than names',
      { persons: [{ born: 2009 }] },
      { reason: 'unknown_field', field: 'persons' },
    ],
    ['a blank name of a person', { persons: [{ names: [' '] }] }, { reason: 'invalid_text', field: 'persons' }],
  ])(
    'dead-letters %s and writes nothing',
    async (_what, over, rejection) => {
      const position = await head(api);
      const value = over === null ? '{"messageId": "GX-1", ' : json(counterpartMessage({ caseIds: [caseId], ...over }));
      expect(await outcomes.of(await send(producer, IN, newId(), value))).toMatchObject({
        kind: 'dead_lettered',
        rejection,
      });
      expect(await head(api)).toBe(position);
    },
    60_000,
  );

  it('appends a reply to an exchange named by id, answering our message by its reference', async () => {
    const opened = await officer.post('/exchanges', {
      caseIds: [caseId],
      counterpart: 'CN-GX-PSD',
      channel: 'secure_email',
      direction: 'outgoing',
      subject: 'Đề nghị xác minh nhân thân',
      body: 'Đề nghị xác minh.',
      language: 'vi',
      handlingCode: 'H1',
      occurredAt: '2026-03-05T09:00:00+07:00',
      ourReference: '123/BLO-LS',
      carriesPersonalData: false,
    });
    expect(opened.status).toBe(201);
    const exchangeId = opened.body.id as string;
    const m = counterpartMessage({ exchangeId, inReplyTo: '123/BLO-LS' });
    const outcome = await outcomes.of(await send(producer, IN, exchangeId, json(m)));
    expect(outcome).toMatchObject({ kind: 'recorded', exchangeId });
    const view = await exchange(exchangeId);
    expect(view.messages).toHaveLength(2);
    expect(view.messages[0].state).toBe('answered');
    expect(view.messages[1]).toMatchObject({ direction: 'incoming', inReplyTo: view.messages[0].messageId });

    const other = counterpartMessage({ exchangeId, counterpart: 'CN-YN-PSD' });
    expect(await outcomes.of(await send(producer, IN, exchangeId, json(other)))).toMatchObject({
      kind: 'dead_lettered',
      rejection: { reason: 'counterpart_mismatch' },
    });
  }, 60_000);

  it('a message naming 阮氏花 offers the Nguyễn Thị Hoa of a Lạng Sơn case to a Lạng Sơn officer, nothing to a Lào Cai officer, and keeps the name sealed', async () => {
    const lcOfficer = await api.as('liaison_officer', { sub: 'minh.lc', province: 'lao-cai', unit: 'VN-LC-BLO' });
    const qnOfficer = await api.as('liaison_officer', { sub: 'lan.qn', province: 'quang-ninh', unit: 'VN-QN-BLO' });
    // Registered in Vietnamese only: the counterpart's characters must be read, not matched as typed.
    const hoaCase = await openCase(officer);
    const hoa = await registerPerson(officer, hoaCase, { ...presumedVictim, nameVariants: [] });
    const lcCase = await openCase(lcOfficer, { ...newCase, province: 'lao-cai' });
    await registerPerson(lcOfficer, lcCase, { ...presumedVictim, fullName: 'Trần Văn Minh', nameVariants: [] });

    // One thread on a Lạng Sơn and a Lào Cai case: both officers may read it.
    const m = counterpartMessage({ caseIds: [caseId, lcCase], persons: [{ names: ['阮氏花'] }] });
    const outcome = await outcomes.of(await send(producer, IN, caseId, json(m)));
    expect(outcome.kind).toBe('recorded');
    if (outcome.kind !== 'recorded') return;
    const path = `/exchanges/${outcome.exchangeId}/messages/${outcome.messageId}/possible-duplicates`;
    const at = await head(api);

    const view = await exchange(outcome.exchangeId);
    expect(view.messages[0]).toMatchObject({ direction: 'incoming', personsNamed: 1 });
    const ls = await officer.get(`${path}?minPosition=${at}`);
    expect(ls.status).toBe(200);
    expect(ls.body.items).toEqual([
      {
        caseId: hoaCase,
        personId: hoa,
        evidence: [expect.stringContaining('阮氏花 reads nguyễn thị hoa')],
        matched: [{ name: '阮氏花', reads: { vietnamese: 'nguyễn thị hoa', pinyin: 'ruǎn shì huā' } }],
      },
    ]);
    // The suggestion names no candidate: her recorded name appears nowhere in it.
    expect(JSON.stringify(ls.body)).not.toContain('Nguyễn Thị Hoa');

    const lc = await lcOfficer.get(`${path}?minPosition=${at}`);
    expect(lc.status).toBe(200);
    expect(lc.body.items).toEqual([]);
    // An officer of a province the thread does not touch is not told it exists.
    const qn = await qnOfficer.get(path);
    expect(qn.status).toBe(404);
    expect(qn.body).toMatchObject({ code: 'EXCHANGE.NOT_FOUND' });
    // A message that names nobody as data has no candidates (the body is not read for names).
    const plain = await outcomes.of(await send(producer, IN, caseId, json(counterpartMessage({ caseIds: [caseId] }))));
    if (plain.kind !== 'recorded') throw new Error(`not recorded: ${plain.kind}`);
    const none = await officer.get(`/exchanges/${plain.exchangeId}/messages/${plain.messageId}/possible-duplicates`);
    expect(none.status).toBe(200);
    expect(none.body.items).toEqual([]);

    // At rest: the names the counterpart gave are sealed with the thread's key, only their count is clear.
    const events = await readLog(api.app.get(EVENT_STORE));
    const logged = events.find((e) => e.type === 'MessageLogged' && e.streamId === `exchange-${outcome.exchangeId}`);
    expect(logged?.data).toMatchObject({ personsNamed: 1, subject: 'sealed' });
    expect(logged?.data).not.toHaveProperty('namedByCounterpart');
    const log = JSON.stringify(events, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
    for (const p of ['Nguyễn Thị Hoa', 'Trần Văn Minh', '阮氏花', 'B7654321']) expect(log).not.toContain(p);

    // On our integration-events topic the message is published without names or their count.
    const published = await readTopic(
      kafka.brokers,
      `events-${suffix}`,
      (all) => all.some((r) => r.value.includes(outcome.messageId!)),
      60_000,
    );
    const ours = published.filter((r) => r.value.includes(outcome.messageId!));
    expect(ours.length).toBeGreaterThan(0);
    for (const r of ours) {
      expect(r.value).not.toContain('阮氏花');
      expect(r.value).not.toContain('personsNamed');
      expect(r.value).not.toContain('namedByCounterpart');
    }
  }, 180_000);
});
