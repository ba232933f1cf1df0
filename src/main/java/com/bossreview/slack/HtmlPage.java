package com.bossreview.slack;

/** The app's own browser pages (install, calendar connection): one look, everything escaped. */
public final class HtmlPage {
    private HtmlPage() {}

    /** A small page in Slack's colours: {@code body} is HTML already, the title is escaped. */
    public static String of(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="referrer" content="no-referrer">
                <title>%s</title>
                <style>
                body { font-family: -apple-system, "Segoe UI", Roboto, sans-serif; max-width: 36rem; margin: 4rem auto;
                       padding: 0 1rem; color: #1d1c1d; line-height: 1.5; }
                h1 { font-size: 1.6rem; }
                .button { display: inline-block; background: #4a154b; color: #fff; padding: .6rem 1.2rem;
                          border-radius: .3rem; text-decoration: none; font-weight: 600; }
                .small { font-size: .9rem; color: #616061; }
                </style></head>
                <body>
                %s</body></html>
                """
                .formatted(escape(title), body);
    }

    /**
     * A page for the person whose browser an OAuth provider sent back (the calendar's and the CRM's
     * callbacks): not cached, and no referrer carrying the code onwards.
     */
    public static HttpServer.Page uncached(int status, String title, String body) {
        return new HttpServer.Page(
                status,
                "text/html; charset=utf-8",
                of(title, body),
                java.util.Map.of("Cache-Control", "no-store", "Referrer-Policy", "no-referrer"));
    }

    public static String escape(String s) {
        return s.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
