package ma.hirfa.sdk.spring;

import ma.hirfa.sdk.core.ValidationException;

/**
 * A {@code hirfa.*} property was refused when the application started; {@link #field()} is the
 * property's name, like {@code hirfa.retry.max-attempts}. The starter's failure analyzer prints it
 * as Spring Boot prints its own configuration errors.
 */
public class HirfaPropertyException extends ValidationException {
  private static final long serialVersionUID = 1L;

  public HirfaPropertyException(String property, String reason) {
    super(property, reason);
  }
}
