package com.bossreview.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine knows no feature (issue 14): nothing in {@code nudge/} names a feature package, and no
 * file there grows past about 250 lines. Read as source text, so fully qualified names count too.
 */
class NudgeBoundariesTest {
    private static final Path NUDGE = Path.of("src/main/java/com/bossreview/nudge");
    private static final Pattern FEATURE =
            Pattern.compile("com\\.bossreview\\.(review|agenda|news|forecast|boss)\\.");
    private static final int MAX_LINES = 250;

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.list(NUDGE)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    @Test
    void no_engine_class_names_a_feature_package() throws IOException {
        assertThat(sources()).isNotEmpty();
        for (Path p : sources()) {
            assertThat(FEATURE.matcher(Files.readString(p)).find())
                    .as("%s names a feature package", p.getFileName())
                    .isFalse();
        }
    }

    @Test
    void no_engine_file_is_over_250_lines() throws IOException {
        for (Path p : sources()) {
            String name = p.getFileName().toString();
            assertThat(Files.readAllLines(p)).as(name).hasSizeLessThanOrEqualTo(MAX_LINES);
        }
    }
}
