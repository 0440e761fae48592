package org.licentia.web.selfhelp;

import org.licentia.activation.boundary.ActivationView;
import org.licentia.server.boundary.About;

/** The self-help pages' HTML; every value from outside goes through {@link #text}. */
final class SelfHelpHtml {

    private SelfHelpHtml() {}

    static String page(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · Licentia</title>
                <style>
                body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }
                label { display: block; margin-top: 1rem; font-weight: 600; }
                input, textarea { width: 100%%; box-sizing: border-box; font: 1rem ui-monospace, monospace; padding: .4rem; }
                button { margin-top: 1rem; font-size: 1rem; padding: .5rem 1.5rem; }
                pre { white-space: pre-wrap; word-break: break-all; font-size: 1.1rem; background: #f4f4f4; padding: 1rem; }
                .error { color: #a00; border-left: 4px solid #a00; padding-left: .8rem; }
                .hint { color: #555; font-size: .9rem; }
                .key { font: 1.6rem/1.8 ui-monospace, "DejaVu Sans Mono", monospace; letter-spacing: .08em; }
                .key span { display: inline-block; white-space: nowrap; }
                </style>
                </head>
                <body>
                <h1>%s</h1>
                %s
                </body>
                </html>
                """.formatted(text(title), text(title), body);
    }

    static String index() {
        return """
                <p>For a computer without an internet connection.</p>
                <ul>
                <li><a href="/self-help/activation">Activate a computer</a>: enter the activation key and the computer ID and get
                the computer key to type in.</li>
                <li><a href="/self-help/deactivation">Confirm a deactivation</a>: enter the deactivation code the computer showed
                and free its activation for another computer.</li>
                </ul>
                """;
    }

    /** The server's front page: what it is, and where its pages, contract and health are. */
    static String home(About about) {
        String role = switch (about.role()) {
            case "both" ->
                "a license publisher and an on-prem license server in one (its instance registers from its own publisher side)";
            case "on-prem" -> "an on-prem license server, registered with an upstream publisher";
            default -> about.role();
        };
        return """
                <p>This is %s.</p>
                <p>Version %s, built %s; database schema version %s.</p>
                <ul>
                <li><a href="/self-help">Self-help</a>: activate or deactivate a computer that has no internet connection.</li>
                <li><a href="/openapi">The REST API's OpenAPI document</a> (<code>/api/v1</code>; SOAP services under <code>/soap</code>).</li>
                <li>Health and metrics are on the management interface: <code>/health/ready</code> and <code>/metrics</code> on port 9990.</li>
                </ul>
                """.formatted(
                        text(role),
                        text(about.version()),
                        text(about.build()),
                        about.schemaVersion() == null
                                ? "unknown"
                                : text(about.schemaVersion()) + (about.schemaReady() ? "" : " (not ready)"));
    }

    static String activationForm(String activationKey, String computerId, String computerName, String error) {
        return error(error) + """
                <form method="post" action="/self-help/activation">
                <label for="activationKey">Activation key</label>
                <input id="activationKey" name="activationKey" value="%s" autocomplete="off" spellcheck="false" required
                       placeholder="XXXXX-XXXXX-XXXXX-XXXXX-X">
                <label for="computerId">Computer ID</label>
                <input id="computerId" name="computerId" value="%s" autocomplete="off" spellcheck="false" required
                       placeholder="XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX">
                <p class="hint">The application shows its computer ID when you choose to activate offline.</p>
                <label for="computerName">Computer name (optional)</label>
                <input id="computerName" name="computerName" value="%s" maxlength="200">
                <button id="activate" type="submit">Activate</button>
                </form>
                """.formatted(text(activationKey), text(computerId), text(computerName));
    }

    /**
     * A key a person types, in groups of five that never break apart: a line ends only between
     * groups. The text (hyphens included) stays what the application accepts when pasted.
     */
    static String grouped(String code) {
        String[] groups = code.split("-");
        StringBuilder html = new StringBuilder();
        for (int i = 0; i < groups.length; i++) {
            html.append("<span>")
                    .append(text(groups[i]))
                    .append(i < groups.length - 1 ? "-" : "")
                    .append("</span>");
        }
        return html.toString();
    }

    static String computerKey(ActivationView activation, String qrPngBase64) {
        return """
                <p>Type this computer key into the application, or scan the code with the computer's camera.</p>
                <p id="computerKey" class="key">%s</p>
                <p><img id="computerKeyQr" src="data:image/png;base64,%s" alt="QR code of the computer key" style="max-width: 100%%; image-rendering: pixelated"></p>
                <dl>
                <dt>License</dt><dd id="license">%s</dd>
                <dt>Activation</dt><dd id="activationId">%s</dd>
                <dt>Computer ID</dt><dd>%s</dd>
                <dt>Valid until</dt><dd>%s</dd>
                </dl>
                <p class="hint">Keep this page private: the computer key activates the license on this computer only.</p>
                """.formatted(
                        grouped(activation.computerKey()),
                        qrPngBase64,
                        text(activation.license()),
                        text(activation.activationId()),
                        text(activation.computerId()),
                        activation.expires() == null
                                ? "no end date"
                                : activation.expires().toString());
    }

    static String deactivationForm(String dvc, String error) {
        return error(error) + """
                <form method="post" action="/self-help/deactivation">
                <label for="dvc">Deactivation code</label>
                <textarea id="dvc" name="dvc" rows="8" autocomplete="off" spellcheck="false" required>%s</textarea>
                <p class="hint">The application shows this code when you deactivate it offline. Hyphens, spaces and line breaks
                do not matter.</p>
                <button id="deactivate" type="submit">Confirm deactivation</button>
                </form>
                """.formatted(text(dvc));
    }

    static String deactivated(ActivationView activation) {
        return """
                <p id="deactivated">Activation %s of license %s on computer %s is deactivated. The slot is free for another
                computer.</p>
                """.formatted(
                        text(activation.activationId()), text(activation.license()), text(activation.computerId()));
    }

    private static String error(String message) {
        return message == null ? "" : "<p id=\"error\" class=\"error\" role=\"alert\">" + text(message) + "</p>\n";
    }

    /** HTML-escapes text for element content and quoted attribute values. */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
