package ma.hirfa.sdk.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a refused {@code hirfa.*} property the way Spring Boot prints its own. */
final class HirfaPropertyFailureAnalyzer extends AbstractFailureAnalyzer<HirfaPropertyException> {
  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, HirfaPropertyException cause) {
    return new FailureAnalysis(
        "The Hirfa property '" + cause.field() + "' was refused: " + cause.getMessage(),
        "Set '"
            + cause.field()
            + "' to a valid value in your application properties, environment or profile"
            + " (see docs/guides/spring-boot.md).",
        cause);
  }
}
