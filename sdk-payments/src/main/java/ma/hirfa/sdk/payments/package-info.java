/** The M2T Payments API client: start at {@link ma.hirfa.sdk.payments.PaymentsClient}. */
@NullMarked
package ma.hirfa.sdk.payments;

import org.jspecify.annotations.NullMarked;
