package ma.hirfa.sdk.spring.shop;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A minimal shop using the starter, for its tests: it ships an order when its payment succeeded
 * ({@link Shipping}) and records what its webhook endpoint answered ({@link DeliveryRecorder}). In
 * its own package, so that its component scan sees none of the starter's classes.
 */
@SpringBootApplication
public class ShopApp {}
