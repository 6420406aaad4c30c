/**
 * The M2T Payments API client. {@code ma.hirfa.sdk.payments} holds the client, its services and
 * models; {@code .validation} the Moroccan identifier checks; {@code .cmi} the CMI hosted-page
 * helper.
 */
module ma.hirfa.sdk.payments {
  requires transitive ma.hirfa.sdk.core;
  requires com.google.i18n.phonenumbers.libphonenumber;

  exports ma.hirfa.sdk.payments;
  exports ma.hirfa.sdk.payments.validation;
  exports ma.hirfa.sdk.payments.cmi;

  // The JSON codec in core reads the models reflectively.
  opens ma.hirfa.sdk.payments to
      ma.hirfa.sdk.core;
}
