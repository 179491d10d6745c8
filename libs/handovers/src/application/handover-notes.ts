import { DataErasedError, type PersonalDataCipher } from '#security';
import { DomainError } from '#shared-kernel';
import type { NotReceivedPersonInput, ReceivedPersonInput } from '../domain/handover.values.js';
import { HandoverApplicationErrors } from './handover-writes.js';

/**
 * What the border guard writes about a person at the gate can be health data (PDPL 91/2025:
 * sensitive), crime data (the wanted-person check), or otherwise about the person (belongings,
 * why they did not cross). Each such field is sealed with the PERSON's own key before it becomes
 * an event, so erasing the person (shredding the key) erases these notes too, wherever the
 * events were copied. The statement reference is a document number of the authorities and stays
 * readable for the record; the domain treats all of these as opaque text.
 */
export const SEALED_FIELDS = ['healthCheck', 'notes', 'belongings', 'wantedCheck'] as const;
export type SealedField = (typeof SEALED_FIELDS)[number];

async function seal(cipher: PersonalDataCipher, personId: string, text: string): Promise<string> {
  try {
    return await cipher.encrypt(personId, text);
  } catch (error) {
    // An erased person cannot be written about again: there is no key left to seal with.
    if (error instanceof DataErasedError) {
      throw new DomainError(HandoverApplicationErrors.PERSON_ERASED, 'a listed person has been erased', 'rule');
    }
    throw error;
  }
}

/** The plaintext, or null when the person's key was shredded. */
async function open(cipher: PersonalDataCipher, personId: string, envelope: string): Promise<string | null> {
  try {
    return await cipher.decrypt<string>(personId, envelope);
  } catch (error) {
    if (error instanceof DataErasedError) return null;
    throw error;
  }
}

export async function sealReceived(
  cipher: PersonalDataCipher,
  person: ReceivedPersonInput,
): Promise<ReceivedPersonInput> {
  const sealed: Partial<Record<SealedField, string>> = {};
  for (const field of SEALED_FIELDS) {
    const value = person[field];
    if (value !== undefined) sealed[field] = await seal(cipher, person.personId, value);
  }
  return { ...person, ...sealed };
}

export async function sealNotReceived(
  cipher: PersonalDataCipher,
  person: NotReceivedPersonInput,
): Promise<NotReceivedPersonInput> {
  return { personId: person.personId, reason: await seal(cipher, person.personId, person.reason) };
}

export type OpenedNotes = Partial<Record<SealedField, string | null>>;

/** Opens the sealed fields of a received person; `erased` when any of them can no longer be opened. */
export async function openReceived(
  cipher: PersonalDataCipher,
  person: ReceivedPersonInput,
): Promise<{ notes: OpenedNotes; erased: boolean }> {
  const notes: OpenedNotes = {};
  let erased = false;
  for (const field of SEALED_FIELDS) {
    const envelope = person[field];
    if (envelope === undefined) continue;
    notes[field] = await open(cipher, person.personId, envelope);
    erased ||= notes[field] === null;
  }
  return { notes, erased };
}

export const openNotReceivedReason = (
  cipher: PersonalDataCipher,
  person: NotReceivedPersonInput,
): Promise<string | null> => open(cipher, person.personId, person.reason);

export const hasSealedNotes = (person: ReceivedPersonInput): boolean =>
  SEALED_FIELDS.some((field) => person[field] !== undefined);
