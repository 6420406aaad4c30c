/**
 * Checks of Moroccan identifiers, usable on a bank's own forms: {@link
 * ma.hirfa.sdk.payments.validation.Rib}, {@link ma.hirfa.sdk.payments.validation.Iban}, {@link
 * ma.hirfa.sdk.payments.validation.Ice} and {@link ma.hirfa.sdk.payments.validation.MoroccanPhone}.
 */
@NullMarked
package ma.hirfa.sdk.payments.validation;

import org.jspecify.annotations.NullMarked;
