package com.bossreview;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * {@code --version} and {@code --help} ({@code --reseal-tokens} is {@link ResealTokens}); the app
 * itself takes no arguments (its configuration is the environment).
 */
final class CommandLine {
    private CommandLine() {}

    /**
     * @return the exit code: 0 for --version/--help, 2 for anything else
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-v"))) {
            out.println("bossreview " + version());
            return 0;
        }
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.print(resource("bossreview/help.txt"));
            return 0;
        }
        err.println(
                "bossreview: unknown argument '"
                        + String.join(" ", args).replaceAll("\\p{Cntrl}", "?")
                        + "'. Run with --help; the configuration comes from environment variables.");
        return 2;
    }

    static String version() {
        Properties p = new Properties();
        try (InputStream in =
                CommandLine.class
                        .getClassLoader()
                        .getResourceAsStream("bossreview/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version", "unknown");
    }

    private static String resource(String name) {
        try (InputStream in = CommandLine.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
