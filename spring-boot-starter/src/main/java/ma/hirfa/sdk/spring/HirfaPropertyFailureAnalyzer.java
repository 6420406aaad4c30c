package ma.hirfa.sdk.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a refused {@code hirfa.*} property the way Spring Boot prints its own. */
final class HirfaPropertyFailureAnalyzer extends AbstractFailureAnalyzer<HirfaPropertyException> {
  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, HirfaPropertyException cause) {
    String message = String.valueOf(cause.getMessage());
    String prefix = cause.field() + ": ";
    String reason = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    return new FailureAnalysis(
        "The Hirfa property '" + cause.field() + "' was refused: it " + reason + ".",
        "Set '"
            + cause.field()
            + "' to a valid value in your application properties, environment or profile"
            + " (see docs/guides/spring-boot.md).",
        cause);
  }
}
