import type { PersonView } from '#persons/application';

/** What a border guard sees of a person in a handover at their gate: enough to check identity. */
export interface GateIdentityView {
  readonly id: string;
  readonly erased: boolean;
  readonly identity: {
    readonly fullName: string;
    readonly nameVariants: readonly { script: string; value: string }[];
    readonly sex: string | null;
    readonly dateOfBirth: string | null;
    readonly documents: readonly { kind: string; number: string }[];
  } | null;
  readonly revision: string;
}

export function gateIdentityView(view: PersonView): GateIdentityView {
  const p = view.personal;
  return {
    id: view.id,
    erased: view.erased,
    identity: p
      ? {
          fullName: p.fullName,
          nameVariants: p.nameVariants,
          sex: p.sex,
          dateOfBirth: p.dateOfBirth,
          documents: p.documents,
        }
      : null,
    revision: view.revision,
  };
}
