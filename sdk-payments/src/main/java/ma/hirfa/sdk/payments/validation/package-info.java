/**
 * {@link ma.hirfa.sdk.payments.validation.MoroccanPhone}: Moroccan mobile numbers for wallets, on
 * libphonenumber. The RIB, IBAN and ICE checks are in {@code ma.hirfa.sdk.core.validation}.
 */
@NullMarked
package ma.hirfa.sdk.payments.validation;

import org.jspecify.annotations.NullMarked;
