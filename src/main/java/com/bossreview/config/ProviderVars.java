package com.bossreview.config;

import java.net.URI;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The rules a feature connecting to a third party (calendars, CRMs) reads its variables by: an
 * OAuth client is both {@code <PROVIDER>_CLIENT_ID} and {@code _SECRET} or neither, and with any
 * client set, the redirect needs {@code BOSSREVIEW_PUBLIC_URL} and the tokens {@code
 * BOSSREVIEW_ENCRYPTION_KEY}.
 */
final class ProviderVars {
    private ProviderVars() {}

    /**
     * {@code provider}'s client, made by {@code make}; empty when neither variable is set.
     *
     * @param needs what a half-set client is refused for ("a calendar connection")
     * @param hint said after the rule (where the README explains it), or empty
     */
    static <C> Optional<C> client(
            Function<String, Optional<String>> env,
            String provider,
            String needs,
            String hint,
            BiFunction<String, Secret, C> make) {
        Optional<String> id = env.apply(provider + "_CLIENT_ID");
        Optional<String> secret = env.apply(provider + "_CLIENT_SECRET");
        if (id.isPresent() != secret.isPresent()) {
            String missing = id.isEmpty() ? provider + "_CLIENT_ID" : provider + "_CLIENT_SECRET";
            throw new ConfigException(
                    missing
                            + " is not set: "
                            + needs
                            + " needs both "
                            + provider
                            + "_CLIENT_ID and "
                            + provider
                            + "_CLIENT_SECRET"
                            + hint
                            + "; unset both to leave it off.");
        }
        return id.map(i -> make.apply(i, new Secret(secret.get())));
    }

    /**
     * With {@code which} (a client id variable) set: the public URL and the sealing key are
     * required.
     *
     * @param label "calendar", "CRM": the connections' name
     * @param path the callback's path segment: {@code /<path>/callback/<provider>}
     * @param tokens whose tokens are sealed ("each manager's calendar token")
     */
    static void requireRedirectAndKey(
            Optional<String> which,
            String label,
            String path,
            String tokens,
            Optional<URI> publicUrl,
            Optional<Secret> key) {
        if (which.isEmpty()) {
            return;
        }
        if (publicUrl.isEmpty()) {
            throw new ConfigException(
                    "BOSSREVIEW_PUBLIC_URL is not set: with "
                            + which.get()
                            + " set, "
                            + label
                            + " connections redirect back to <BOSSREVIEW_PUBLIC_URL>/"
                            + path
                            + "/callback/<provider>. Set it to the app's public https base URL, or"
                            + " unset the "
                            + label
                            + " client ids.");
        }
        if (key.isEmpty()) {
            throw new ConfigException(
                    "BOSSREVIEW_ENCRYPTION_KEY is not set: with "
                            + which.get()
                            + " set, "
                            + tokens
                            + " is stored encrypted with it. Generate one with `openssl rand"
                            + " -base64 32`.");
        }
    }
}
