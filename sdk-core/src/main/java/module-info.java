/**
 * The Hirfa SDK core: configuration, errors, money and localized text, pagination and the transport
 * every Hirfa client stands on. Only {@code ma.hirfa.sdk.core} is an API; the engine in {@code
 * ma.hirfa.sdk.core.internal} and its subpackages is exported only to the SDK's own modules.
 */
module ma.hirfa.sdk.core {
  requires transitive org.jspecify;
  requires okhttp3;
  requires okio;
  requires com.squareup.moshi;
  requires io.github.resilience4j.core;
  requires io.github.resilience4j.circuitbreaker;
  requires org.slf4j;
  requires static jakarta.servlet;
  requires static com.google.errorprone.annotations;

  exports ma.hirfa.sdk.core;
  exports ma.hirfa.sdk.core.webhooks;
  exports ma.hirfa.sdk.core.webhooks.servlet;
  exports ma.hirfa.sdk.core.validation;
  // The engine is exported only to the SDK's own modules, and only the packages their code calls:
  // internal.retry is the call engine's own. The testkit is not a named module (see
  // docs/design.md).
  exports ma.hirfa.sdk.core.internal to
      ma.hirfa.sdk.payments,
      ma.hirfa.sdk.catalog;
  exports ma.hirfa.sdk.core.internal.http to
      ma.hirfa.sdk.payments,
      ma.hirfa.sdk.catalog;
  exports ma.hirfa.sdk.core.internal.json to
      ma.hirfa.sdk.payments,
      ma.hirfa.sdk.catalog;
  exports ma.hirfa.sdk.core.internal.log to
      ma.hirfa.sdk.payments,
      ma.hirfa.sdk.catalog;
}
