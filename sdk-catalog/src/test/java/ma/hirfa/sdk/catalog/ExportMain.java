package ma.hirfa.sdk.catalog;

/**
 * Exports a sandbox's whole catalog and prints {@code count checksum maxUsedHeapMb}: the program
 * {@link ExportMemoryTest} runs in a JVM capped at {@code -Xmx64m}.
 */
public final class ExportMain {
  private ExportMain() {}

  public static void main(String[] args) {
    long count = 0;
    long checksum = 0;
    long maxUsed = 0;
    Runtime rt = Runtime.getRuntime();
    try (CatalogClient catalog = CatalogClient.builder().apiKey(args[1]).baseUrl(args[0]).build();
        ProductExport export = catalog.products().export()) {
      for (Product p : export) {
        count++;
        checksum += CatalogClientTest.digest(p);
        if ((count & 1023) == 0) {
          maxUsed = Math.max(maxUsed, rt.totalMemory() - rt.freeMemory());
        }
      }
      if (!export.isComplete()) {
        throw new IllegalStateException("the export ended without its cursor");
      }
    }
    System.out.println(count + " " + checksum + " " + (maxUsed >> 20));
  }
}
