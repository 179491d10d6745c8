import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/api.client';
import type { MeView } from '../../api/api.views';
import { nameIn } from '../../shell/labels.format';
import { DualTimeText } from '../dual-time.component';
import { useCounterparts } from '../reference.queries';
import type { ConsentSummary, PersonSummary, WriteAnswer } from '../desktop.views';
import { FormActions, VietnamTimeField, useFormWrite } from '../form-write.component';
import { codeText, vietnamInstant, vietnamLocalNow } from '../forms.component';
import { ConsentForm } from './consent.form';
import { ErasureForm } from './erasure.form';
import { LegalHoldForm } from './legal-hold.form';
import { ReferralForm } from './referral.form';
import { SupportForm } from './support.form';
import { ScreeningForm } from './screening.form';
import { ReferralList, ScreeningList, SupportList } from './support-list.component';

type Acting = 'erase' | 'consent' | 'hold' | 'support' | 'referral' | 'screening' | null;

/** Support and referrals are for victims and the children with them (the domain refuses others). */
const SUPPORTED = new Set(['presumed_victim', 'victim', 'accompanying_minor']);

/**
 * One person of the case: who they are (as far as the reader may see), whether proceedings hold
 * their data, the consents recorded for sharing it, and the protective acts the reader may do.
 */
export function PersonRow({
  person: p,
  me,
  onWritten,
}: {
  readonly person: PersonSummary;
  readonly me: MeView;
  readonly onWritten: (answer: WriteAnswer) => void;
}) {
  const { t } = useTranslation();
  const [acting, setActing] = useState<Acting>(null);
  const label = p.erased ? t('person.erased') : p.fullName ? p.fullName : t('person.masked');
  const local = me.province !== '*';
  // Erasure, holds and a change of mind about consent may all come after the case closed.
  const mayErase = local && me.may.includes('person.erase') && !p.erased && !p.legalHold;
  const mayHold = local && me.may.includes('person.legal_hold') && !p.erased;
  const mayConsent = local && me.may.includes('person.consent') && !p.erased;
  const maySupport = local && me.may.includes('person.support') && !p.erased && SUPPORTED.has(p.role);
  const done = (answer: WriteAnswer) => {
    setActing(null);
    onWritten(answer);
  };
  const toggle = (what: Exclude<Acting, null>) => setActing(acting === what ? null : what);
  const button = (what: Exclude<Acting, null>, text: string) => (
    <button type="button" aria-expanded={acting === what} onClick={() => toggle(what)}>
      {text}
    </button>
  );
  return (
    <li>
      <div className="person-row">
        <span>
          <strong>{label}</strong>
          {' · '}
          {t(`personRole.${p.role}`)}
          {p.legalHold && <span className="badge badge-hold">{t('hold.badge')}</span>}
        </span>
        <span className="actions">
          {maySupport && button('support', t('support.open'))}
          {maySupport && button('referral', t('referral.open'))}
          {maySupport && button('screening', t('screening.open'))}
          {mayConsent && button('consent', t('consent.open'))}
          {mayHold && button('hold', p.legalHold ? t('hold.release') : t('hold.place'))}
          {mayErase && button('erase', t('erasure.open'))}
        </span>
      </div>
      {(p.consents ?? []).length > 0 && (
        <ConsentList personId={p.id} consents={p.consents ?? []} mayWithdraw={mayConsent} onWritten={onWritten} />
      )}
      {(p.support ?? []).length > 0 && <SupportList support={p.support ?? []} />}
      {(p.referrals ?? []).length > 0 && (
        <ReferralList personId={p.id} referrals={p.referrals ?? []} mayAct={maySupport} onWritten={onWritten} />
      )}
      {(p.screenings ?? []).length > 0 && <ScreeningList screenings={p.screenings ?? []} />}
      {acting === 'screening' && (
        <ScreeningForm personId={p.id} personLabel={label} onDone={done} onCancel={() => setActing(null)} />
      )}
      {acting === 'support' && (
        <SupportForm personId={p.id} personLabel={label} onDone={done} onCancel={() => setActing(null)} />
      )}
      {acting === 'referral' && (
        <ReferralForm personId={p.id} personLabel={label} onDone={done} onCancel={() => setActing(null)} />
      )}
      {acting === 'consent' && (
        <ConsentForm
          personId={p.id}
          personLabel={label}
          minor={p.ageBand === 'under_18'}
          onDone={done}
          onCancel={() => setActing(null)}
        />
      )}
      {acting === 'hold' && (
        <LegalHoldForm
          personId={p.id}
          personLabel={label}
          heldFor={p.legalHold?.proceedingsRef ?? null}
          onDone={done}
          onCancel={() => setActing(null)}
        />
      )}
      {acting === 'erase' && (
        <ErasureForm personId={p.id} personLabel={label} onDone={done} onCancel={() => setActing(null)} />
      )}
    </li>
  );
}

function ConsentList({
  personId,
  consents,
  mayWithdraw,
  onWritten,
}: {
  readonly personId: string;
  readonly consents: readonly ConsentSummary[];
  readonly mayWithdraw: boolean;
  readonly onWritten: (answer: WriteAnswer) => void;
}) {
  const { t, i18n } = useTranslation();
  const counterparts = useCounterparts();
  const unitName = (code: string) => {
    const unit = counterparts.data?.find((u) => u.code === code);
    return unit ? nameIn(i18n.language, unit.name) : codeText(t, i18n, 'referral.services', code);
  };
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  return (
    <table className="consents">
      <caption>{t('consent.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('consent.decision')}</th>
          <th scope="col">{t('consent.purpose')}</th>
          <th scope="col">{t('consent.recipient')}</th>
          <th scope="col">{t('consent.givenBy')}</th>
          <th scope="col">{t('consent.occurredAt')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('consent.acts')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {consents.map((c) => (
          <tr key={c.consentId}>
            <td>{c.withdrawnAt ? t('consent.decisions.withdrawn') : t(`consent.decisions.${c.decision}`)}</td>
            <td>{t(`consent.purposes.${c.purpose}`)}</td>
            <td>{unitName(c.recipient)}</td>
            <td>{t(`consent.givers.${c.givenBy}`)}</td>
            <td>
              <DualTimeText at={c.withdrawnAt ?? c.occurredAt} />
            </td>
            <td>
              {mayWithdraw && c.decision === 'given' && !c.withdrawnAt && withdrawing !== c.consentId && (
                <button type="button" onClick={() => setWithdrawing(c.consentId)}>
                  {t('consent.withdraw')}
                </button>
              )}
              {withdrawing === c.consentId && (
                <WithdrawConsent
                  personId={personId}
                  consentId={c.consentId}
                  onDone={(answer) => {
                    setWithdrawing(null);
                    onWritten(answer);
                  }}
                  onCancel={() => setWithdrawing(null)}
                />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function WithdrawConsent(props: {
  readonly personId: string;
  readonly consentId: string;
  readonly onDone: (answer: WriteAnswer) => void;
  readonly onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [occurred, setOccurred] = useState(vietnamLocalNow());
  const write = useFormWrite(
    (headers) =>
      answer<WriteAnswer>(
        api.POST('/api/v1/persons/{id}/consents/{consentId}/withdrawal', {
          params: { path: { id: props.personId, consentId: props.consentId } },
          headers,
          body: { occurredAt: vietnamInstant(occurred) },
        }),
      ),
    props.onDone,
  );
  return (
    <form className="inline-form" onSubmit={write.submit} aria-label={t('consent.withdraw')}>
      <VietnamTimeField label={t('consent.withdrawnAt')} value={occurred} onChange={setOccurred} error={write.error} />
      <FormActions
        error={write.error}
        pending={write.pending}
        label={t('consent.withdrawConfirm')}
        onCancel={props.onCancel}
      />
    </form>
  );
}
