package consumer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Boot web application (the same source for Boot 3.5 and 4.0), run from its executable
 * jar: it starts Tomcat on a free port, makes the SDK's calls and exits.
 */
@SpringBootApplication
public class BootApp {

  public static void main(String[] args) {
    System.exit(SpringApplication.exit(SpringApplication.run(BootApp.class, args)));
  }

  @Bean
  CommandLineRunner hirfaCalls(
      @Value("${HIRFA_BASE_URL}") String baseUrl, @Value("${HIRFA_API_KEY}") String apiKey) {
    return args ->
        System.out.println(
            "spring-boot-"
                + SpringBootVersion.getVersion()
                + ": "
                + HirfaCalls.run(baseUrl, apiKey)
                + "; Kotlin "
                + kotlin.KotlinVersion.CURRENT);
  }
}
