package consumer;

import ma.hirfa.sdk.catalog.CatalogClient;
import ma.hirfa.sdk.payments.PaymentsClient;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * A Spring Boot web application (the same source for Boot 3.5 and 4.0), run from its executable
 * jar: it starts Tomcat on a free port, makes the SDK's calls with clients of its own ({@link
 * HirfaCalls}, as every consumer does) and with the Hirfa starter's beans and webhook endpoint
 * ({@link StarterCalls}), and exits.
 */
@SpringBootApplication
public class BootApp {

  public static void main(String[] args) {
    System.exit(SpringApplication.exit(SpringApplication.run(BootApp.class, args)));
  }

  @Bean
  CommandLineRunner hirfaCalls(
      Environment env, PaymentsClient payments, CatalogClient catalog, PaidOrders paid) {
    return args ->
        System.out.println(
            "spring-boot-"
                + SpringBootVersion.getVersion()
                + ": "
                + HirfaCalls.run(
                    env.getRequiredProperty("hirfa.base-url"),
                    env.getRequiredProperty("hirfa.api-key"))
                + "; "
                + StarterCalls.run(env, payments, catalog, paid)
                + "; Kotlin "
                + kotlin.KotlinVersion.CURRENT);
  }
}
