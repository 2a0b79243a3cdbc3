package io.quargo.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Quick start's first command as the ./quargo launcher runs it: RunMain off the packaged server's library
 * directories (lib/boot and lib/main), on the repository's examples/hello-world.yaml.
 */
class QuargoRunIT {

  @Test
  void helloWorldRunsToSucceededOffThePackagedLibraries(@TempDir Path dir) throws Exception {
    Path lib = Path.of("target", "quarkus-app", "lib");
    assertThat(lib.resolve("main")).as("the packaged server").isDirectory();
    String classpath = lib.resolve("boot") + "/*:" + lib.resolve("main") + "/*";
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-cp", classpath,
        "io.quargo.workflow.run.RunMain", Path.of("..", "examples", "hello-world.yaml").toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("out").toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String out = Files.readString(dir.resolve("out"), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("HELLO WORLD!").contains("Status:              Succeeded");
    List<String> tree = out.lines().filter(l -> l.contains("✔")).toList();
    assertThat(tree).anyMatch(l -> l.contains("greet")).anyMatch(l -> l.contains("shout"));
  }
}
