package com.bossreview.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's command table and the app's help text ({@link Subcommand}) name the same commands,
 * written alike.
 */
class ReadmeCommandsTest {
    private static final Pattern FIRST_CELL_CODE = Pattern.compile("`([^`]+)`");

    private static String commandTable() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("## Using it");
        int end = readme.indexOf("\n## ", start + 1);
        assertThat(start).as("README has a 'Using it' section").isNotNegative();
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    @Test
    void every_subcommand_is_in_the_readme_table_with_the_usage_help_gives() throws IOException {
        String table = commandTable();
        for (Subcommand s : Subcommand.values()) {
            String usage = s.usage().substring(CommandRouter.COMMAND.length() + 1);
            assertThat(table).as(s.word()).contains("`" + usage + "`");
        }
    }

    @Test
    void the_readme_table_names_no_command_the_app_does_not_have() throws IOException {
        Set<String> words = new LinkedHashSet<>();
        for (String row : commandTable().split("\n")) {
            if (!row.startsWith("| `")) {
                continue;
            }
            String firstCell = row.substring(1, row.indexOf('|', 1));
            Matcher m = FIRST_CELL_CODE.matcher(firstCell);
            while (m.find()) {
                String word = m.group(1).split(" ")[0];
                if (!word.equals(CommandRouter.COMMAND)) {
                    words.add(word);
                }
            }
        }
        Set<String> known =
                Arrays.stream(Subcommand.values())
                        .map(Subcommand::word)
                        .collect(Collectors.toSet());
        assertThat(known).containsAll(words);
        assertThat(words).containsAll(known);
    }
}
