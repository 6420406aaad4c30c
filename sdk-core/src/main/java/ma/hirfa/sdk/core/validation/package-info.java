/**
 * Checks of Moroccan identifiers, usable on a partner's own forms and shared by the payments and
 * catalog clients: {@link ma.hirfa.sdk.core.validation.Rib}, {@link
 * ma.hirfa.sdk.core.validation.Iban} and {@link ma.hirfa.sdk.core.validation.Ice}. Each is
 * allocation-free and never puts the checked value in an exception message.
 */
@NullMarked
package ma.hirfa.sdk.core.validation;

import org.jspecify.annotations.NullMarked;
