package ma.hirfa.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The sandbox stays easy to change: no main source file of the testkit reaches 400 lines. */
class TestkitSourceSizeTest {
  @Test
  void everyMainSourceFileIsUnder400Lines() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
      List<Path> sources = files.filter(p -> p.toString().endsWith(".java")).toList();
      assertThat(sources).hasSizeGreaterThan(40);
      for (Path p : sources) {
        assertThat(Files.readAllLines(p)).as(p.toString()).hasSizeLessThan(400);
      }
    }
  }
}
