package org.licentia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** register and deregister against a stand-in on-prem instance: the documentation's texts and what is sent. */
class RegistrationCommandsTest {

    private final Map<String, String[]> answers = new ConcurrentHashMap<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private String url;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        bodies.add(exchange.getRequestURI().getPath() + " "
                + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String[] answer = answers.getOrDefault(exchange.getRequestURI().getPath(), new String[] {"404", "{}"});
        byte[] bytes = answer[1].getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders()
                .set(
                        "Content-Type",
                        Integer.parseInt(answer[0]) >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(Integer.parseInt(answer[0]), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void anExplicitListShowsTheSummaryAndAppliesWhatWasShown() {
        answers.put("/api/v1/registration/plan", new String[] {
            "200",
            "{\"current\":[\"11554731\",\"96023021\"],"
                    + "\"requested\":[\"96023021\",\"96023022\"],\"toAdd\":[\"96023022\"],\"toRemove\":[\"11554731\"],\"rightsWarning\":true}"
        });
        answers.put("/api/v1/registration", new String[] {
            "200",
            "{\"licenses\":["
                    + "{\"number\":\"96023021\",\"account\":\"Example User 1\",\"seats\":3},"
                    + "{\"number\":\"96023022\",\"account\":\"Example User 1\",\"seats\":20}]}"
        });

        CliRun run = CliRun.of(
                "register",
                "-e",
                "example.user3@company.com",
                "-p",
                "3333333333",
                "--url",
                url,
                "-l",
                "96023021",
                "96023022",
                "--yes");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(
                String.join(
                        "\n",
                        "Registration Change Summary:",
                        "Currently registered licenses: [11554731, 96023021]",
                        "Requested licenses:            [96023021, 96023022]",
                        "",
                        "Licenses to be added:   96023022",
                        "Licenses to be removed: 11554731",
                        "*** Note: You might be removing licenses, which this account, example.user3@company.com, does not have rights to! ***",
                        "If so, those licenses can't be re-registered back anymore using this account.",
                        "",
                        "? Are you sure you want to proceed with these changes?",
                        "Licenses registered successfully.",
                        "License: 96023021 | Owner: Example User 1 | Seat amount: 3",
                        "License: 96023022 | Owner: Example User 1 | Seat amount: 20",
                        ""),
                run.out());
        JsonObject applied =
                Json.object(Json.parse(bodies.get(1).substring(bodies.get(1).indexOf(' ') + 1)), "body");
        assertEquals("3333333333", applied.getString("password"));
        assertEquals(
                List.of("11554731", "96023021"),
                applied.getJsonArray("expectedCurrent").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString)
                        .toList(),
                "what is applied is what was shown");
    }

    @Test
    void implicitRegistrationOnABusyInstanceExplainsItself() {
        answers.put("/api/v1/registration", new String[] {
            "409",
            "{\"status\":409,\"code\":\"IMPLICIT_REGISTRATION_REFUSED\","
                    + "\"detail\":\"Server is already hosting registered licenses: [11554731]\"}"
        });

        CliRun run = CliRun.of("register", "-e", "example.user@company.com", "-p", "1234567890", "--url", url);

        assertEquals(CliExit.CONFLICT, run.exitCode());
        assertEquals(
                String.join(
                        "\n",
                        "Error: Server is already hosting registered licenses: [11554731]",
                        "",
                        "To update registration, you must explicitly specify licenses using -l/--licenses.",
                        "This safety check prevents accidental changes to your license registration.",
                        "",
                        "*** Note: You might be removing licenses, which this account, example.user@company.com, does not have rights to! ***",
                        ""),
                run.err());
    }

    @Test
    void withoutATerminalOrYesNothingIsApplied() {
        answers.put("/api/v1/registration/plan", new String[] {
            "200",
            "{\"current\":[],\"requested\":[\"11554731\"],"
                    + "\"toAdd\":[\"11554731\"],\"toRemove\":[],\"rightsWarning\":false}"
        });

        CliRun run = CliRun.of("register", "-e", "a@b.c", "-p", "x", "--url", url, "-l", "11554731");

        assertEquals(CliExit.USAGE, run.exitCode());
        assertTrue(run.err().contains("run again with -y/--yes"), run.err());
        assertEquals(1, bodies.size(), "only the summary was asked for: " + bodies);
    }

    @Test
    void deregisterPrintsTheWarningAndTheLogout() {
        answers.put("/api/v1/registration/plan", new String[] {
            "200",
            "{\"current\":[\"96023021\",\"96023022\"],"
                    + "\"requested\":[],\"toAdd\":[],\"toRemove\":[\"96023021\",\"96023022\"],\"rightsWarning\":true}"
        });
        answers.put("/api/v1/registration/deregister", new String[] {"200", "{\"licenses\":[]}"});

        CliRun run = CliRun.of("deregister", "-e", "example.user1@company.com", "-p", "1111111111", "--url", url, "-y");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(
                run.out()
                        .startsWith("Warning: You are about to deregister all licenses:\n"
                                + "Currently registered licenses: [96023021, 96023022]\n"),
                run.out());
        assertTrue(
                run.out()
                        .endsWith("Licenses deregistered successfully.\nLogout for user example.user1@company.com\n"
                                + "All licenses deregistered. This instance does not host any licenses.\n"),
                run.out());
    }
}
