import type { CommandMeta } from '#shared-kernel';
import { deciderSpec } from '#testing';
import { campaignDecider, type CampaignRecorded, type RecordCampaign } from './campaign.js';
import { CampaignErrors as E } from './meeting.errors.js';

const meta: CommandMeta = { actor: { userId: 'an.nguyen', role: 'supervisor', unitId: 'VN-LS-BLO' }, now: new Date() };
const spec = deciderSpec(campaignDecider);
const data: RecordCampaign['data'] = {
  campaignId: 'k1',
  name: 'Cao điểm tấn công trấn áp tội phạm mua bán người 2026',
  province: 'lang-son',
  coverage: 'province',
  counterparts: ['CN-GX-PSD', 'CN-GX-PSD'],
  from: '2026-04-01',
  to: '2026-05-31',
};
const record = (over: Partial<RecordCampaign['data']> = {}): RecordCampaign => ({
  type: 'RecordCampaign',
  data: { ...data, ...over },
  meta,
});
const recorded: CampaignRecorded = {
  type: 'CampaignRecorded',
  data: { ...data, coverage: 'province', counterparts: ['CN-GX-PSD'] },
};

describe('Campaign decider', () => {
  it('records a named period agreed with the other side', () => {
    spec.given([]).when(record()).then([recorded]);
  });

  it('records a one-day national campaign', () => {
    spec
      .given([])
      .when(record({ coverage: 'national', to: '2026-04-01' }))
      .then([{ type: 'CampaignRecorded', data: { ...recorded.data, coverage: 'national', to: '2026-04-01' } }]);
  });

  it('refuses the same campaign twice', () => {
    spec.given([recorded]).when(record()).thenRefuses(E.ALREADY_EXISTS);
  });

  it.each<[string, Partial<RecordCampaign['data']>, string]>([
    ['no name', { name: ' ' }, E.NAME_REQUIRED],
    ['a province not on the border', { province: 'hue' }, E.INVALID_PROVINCE],
    ['an unknown coverage', { coverage: 'regional' }, E.INVALID_COVERAGE],
    ['no counterpart', { counterparts: [] }, E.COUNTERPART_REQUIRED],
    ['a day that does not exist', { to: '2026-02-30' }, E.INVALID_DAY],
    ['an end before the start', { to: '2026-03-31' }, E.ENDS_BEFORE_START],
  ])('refuses %s', (_label, over, code) => {
    spec.given([]).when(record(over)).thenRefuses(code);
  });
});
