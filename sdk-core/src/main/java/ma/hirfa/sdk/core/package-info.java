@NullMarked
package ma.hirfa.sdk.core;

import org.jspecify.annotations.NullMarked;
