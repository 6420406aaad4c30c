/**
 * Webhook verification straight from a Jakarta Servlet request. Needs {@code
 * jakarta.servlet:jakarta.servlet-api} (5.0 or later) on the class path, which every servlet
 * container provides; the SDK declares it optional.
 */
@NullMarked
package ma.hirfa.sdk.core.webhooks.servlet;

import org.jspecify.annotations.NullMarked;
