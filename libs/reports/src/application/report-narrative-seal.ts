import { DataErasedError, isPersonalDataEnvelope, type PersonalDataCipher } from '#security';
import { REPORT_SECTIONS, reportStreamId, type ReportCommand, type ReportEvent, type ReportSection } from '../index.js';
import type { ReportState } from '../index.js';

/**
 * The narrative is free text written by officers about their cases: it may name someone, so it is
 * sealed like any personal data, with the report's own data key (subject: the report's stream id)
 * before it becomes an event. The submission copies the sealed sections as they stand.
 */
const subjectOf = (reportId: string): string => reportStreamId(reportId);

interface Sealed {
  readonly text: string;
}

export function sealNarrative(
  cipher: PersonalDataCipher,
  reportId: string,
  events: readonly ReportEvent[],
): Promise<ReportEvent[]> {
  return Promise.all(
    events.map(async (event): Promise<ReportEvent> => {
      if (event.type !== 'ReportNarrativeEdited') return event;
      const text = await cipher.encrypt(subjectOf(reportId), { text: event.data.text } satisfies Sealed);
      return { type: 'ReportNarrativeEdited', data: { ...event.data, text } };
    }),
  );
}

/** One section as written; null when the report's key was destroyed. */
export async function openSection(
  cipher: PersonalDataCipher,
  reportId: string,
  stored: string,
): Promise<string | null> {
  if (!isPersonalDataEnvelope(stored)) return stored;
  try {
    return (await cipher.decrypt<Sealed>(subjectOf(reportId), stored)).text;
  } catch (error) {
    if (error instanceof DataErasedError) return null;
    throw error;
  }
}

export async function openNarrative(
  cipher: PersonalDataCipher,
  reportId: string,
  narrative: Readonly<Partial<Record<ReportSection, string>>>,
): Promise<Partial<Record<ReportSection, string>>> {
  const out: Partial<Record<ReportSection, string>> = {};
  for (const section of REPORT_SECTIONS) {
    const stored = narrative[section];
    if (stored !== undefined) out[section] = (await openSection(cipher, reportId, stored)) ?? '';
  }
  return out;
}

/**
 * The decider sees sealed sections, so it cannot tell that an edit repeats the text as it stands.
 * The application opens the current section and, when the text is the same, hands the decider the
 * stored envelope, which it recognises as unchanged and answers with nothing (an approval stands).
 */
export async function withStoredTextWhenUnchanged(
  cipher: PersonalDataCipher,
  command: ReportCommand,
  state: ReportState,
): Promise<ReportCommand> {
  if (command.type !== 'EditReportNarrative' || state.status === 'none' || state.status === 'submitted') return command;
  const stored = state.narrative[command.data.section as ReportSection];
  if (stored === undefined || !isPersonalDataEnvelope(stored)) return command;
  const current = await openSection(cipher, state.reportId, stored);
  return current !== null && current === command.data.text.trim()
    ? { ...command, data: { ...command.data, text: stored } }
    : command;
}
