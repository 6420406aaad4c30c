/**
 * The CMI-compatible 3-D Secure hosted payment page ("3D_PAY_HOSTING"), for merchants moved from
 * CMI: {@link ma.hirfa.sdk.payments.cmi.CmiHash}, {@link ma.hirfa.sdk.payments.cmi.CmiPaymentForm}
 * and {@link ma.hirfa.sdk.payments.cmi.CmiCallback}.
 */
@NullMarked
package ma.hirfa.sdk.payments.cmi;

import org.jspecify.annotations.NullMarked;
