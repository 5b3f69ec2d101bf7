import { z } from 'zod';
import { isLocale, type Locale } from '../../../shared/i18n/locale.js';
import {
  formText,
  optionalFormText,
  parseForm,
  type FormProblemWords,
} from '../../../shared/interface/http/form-schema.js';

/**
 * The identity pages' forms, one schema a form, each giving the input of its command
 * (see shared/interface/http/form-schema.ts). They read the shape of what the page
 * sends; whether a password is long enough or a role exists stays the domain's to say,
 * beside the field, as before. The password reset and "end my other sessions" forms
 * send no field but their CSRF token, so there is nothing of theirs to parse.
 */

/** The sign-in form (`POST /login`), with the page asked for before it, if any. */
export const SIGN_IN_FORM = z.object({
  email: formText,
  password: formText,
  next: optionalFormText,
});

/** The new-account form of the staff page (`POST /admin/users`). */
export const NEW_STAFF_FORM = z.object({
  displayName: formText,
  email: formText,
  role: formText,
  password: formText,
});

/** The change of an account's role (`POST /admin/users/:id/role`). */
export const ROLE_FORM = z.object({ role: formText });

/**
 * The deactivation (`POST /admin/users/:id/deactivate`): release the requests the account
 * holds, or reassign them to the senior chosen. Any choice but "reassign" releases them.
 */
export const DEACTIVATION_FORM = z.object({
  held: z
    .string()
    .optional()
    .transform((value): 'release' | 'reassign' => (value === 'reassign' ? 'reassign' : 'release')),
  senior: formText,
});

/** The end of a sign-in lockout listed on the staff page (`POST /admin/sign-in-lockouts/clear`). */
export const LOCKOUT_FORM = z.object({ scope: formText, email: formText, address: formText });

/** The staff member's own password (`POST /account/password`). */
export const OWN_PASSWORD_FORM = z.object({
  currentPassword: formText,
  newPassword: formText,
  confirmPassword: formText,
});

/** The password a set-password link sets (`POST /password/:token`). */
export const SET_PASSWORD_FORM = z.object({ newPassword: formText, confirmPassword: formText });

/** The language switch (`POST /locale`): a language the desk speaks, or none (nothing changes). */
export const LOCALE_FORM = z.object({
  locale: z
    .string()
    .optional()
    .transform((value): Locale | null => (isLocale(value) ? value : null)),
});

/** What is wrong with a field the page would never send so, in words. */
const WORDS: FormProblemWords = {
  displayName: 'identity.formProblem.displayName',
  email: 'identity.formProblem.email',
  role: 'identity.formProblem.role',
  password: 'identity.formProblem.password',
  held: 'identity.formProblem.held',
  senior: 'identity.formProblem.senior',
  scope: 'identity.formProblem.lockout',
  address: 'identity.formProblem.lockout',
  currentPassword: 'identity.formProblem.currentPassword',
  newPassword: 'identity.formProblem.newPassword',
  confirmPassword: 'identity.formProblem.confirmPassword',
  locale: 'identity.formProblem.locale',
  next: 'identity.formProblem.next',
};

/** The lockout form names its account by email too: the same sentence as its other fields. */
const LOCKOUT_WORDS: FormProblemWords = { ...WORDS, email: 'identity.formProblem.lockout' };

export type NewStaffInput = z.output<typeof NEW_STAFF_FORM>;
export type DeactivationInput = z.output<typeof DEACTIVATION_FORM>;

export const parseSignInForm = (body: unknown): z.output<typeof SIGN_IN_FORM> =>
  parseForm(SIGN_IN_FORM, body, WORDS);
export const parseNewStaffForm = (body: unknown): NewStaffInput =>
  parseForm(NEW_STAFF_FORM, body, WORDS);
export const parseRoleForm = (body: unknown): z.output<typeof ROLE_FORM> =>
  parseForm(ROLE_FORM, body, WORDS);
export const parseDeactivationForm = (body: unknown): DeactivationInput =>
  parseForm(DEACTIVATION_FORM, body, WORDS);
export const parseLockoutForm = (body: unknown): z.output<typeof LOCKOUT_FORM> =>
  parseForm(LOCKOUT_FORM, body, LOCKOUT_WORDS);
export const parseOwnPasswordForm = (body: unknown): z.output<typeof OWN_PASSWORD_FORM> =>
  parseForm(OWN_PASSWORD_FORM, body, WORDS);
export const parseSetPasswordForm = (body: unknown): z.output<typeof SET_PASSWORD_FORM> =>
  parseForm(SET_PASSWORD_FORM, body, WORDS);
export const parseLocaleForm = (body: unknown): z.output<typeof LOCALE_FORM> =>
  parseForm(LOCALE_FORM, body, WORDS);
