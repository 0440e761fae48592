package org.licentia.cli;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "product",
        mixinStandardHelpOptions = true,
        description = "Define and list the publisher's products and their editions.",
        subcommands = {ProductCommands.Create.class, ProductCommands.ListProducts.class, ProductCommands.Show.class})
final class ProductCommands {

    private ProductCommands() {}

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = {
                "Define a product from a JSON file (publisher-admin), for example:",
                "{\"code\": \"CLOUD-PLATFORM\", \"name\": \"Cloud Platform\", \"isDefault\": true, \"editions\": [",
                "  {\"code\": \"TRIAL\", \"name\": \"Trial\", \"maxSeats\": 1, \"maxTermDays\": 30, \"features\": [\"compute\"]},",
                "  {\"code\": \"BASIC\", \"name\": \"Basic\", \"isDefault\": true, \"features\": [\"compute\"]}]}"
            })
    static final class Create implements Callable<Integer> {

        @Option(names = "--file", required = true, paramLabel = "FILE", description = "The product as JSON.")
        Path file;

        @Mixin
        ServerOptions.Caller server;

        @Override
        public Integer call() {
            JsonValue product;
            try {
                product = Json.parse(Files.readString(file));
            } catch (IOException e) {
                throw new CliFailure(CliExit.USAGE, "cannot read " + file + ": " + e.getMessage());
            } catch (RuntimeException e) {
                throw new CliFailure(CliExit.USAGE, file + " is not JSON");
            }
            JsonObject created = Json.object(
                    server.server().post("/api/v1/products", Json.object(product, "the product file")), "the product");
            if (!server.printedJson(created)) {
                server.out().printf("Product %s created.%n", created.getString("code"));
                print(server, created);
            }
            return CliExit.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the products and their editions.")
    static final class ListProducts implements Callable<Integer> {

        @Mixin
        ServerOptions.Caller server;

        @Override
        public Integer call() {
            JsonObject answer = Json.object(server.server().get("/api/v1/products"), "the products");
            if (!server.printedJson(answer)) {
                JsonArray items = answer.getJsonArray("items");
                if (items.isEmpty()) {
                    server.out().println("No products.");
                }
                items.getValuesAs(JsonObject.class).forEach(p -> print(server, p));
            }
            return CliExit.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a product and its editions.")
    static final class Show implements Callable<Integer> {

        @Parameters(paramLabel = "CODE", description = "The product code.")
        String code;

        @Mixin
        ServerOptions.Caller server;

        @Override
        public Integer call() {
            JsonObject product =
                    Json.object(server.server().get("/api/v1/products/" + LicentiaServer.segment(code)), "the product");
            if (!server.printedJson(product)) {
                print(server, product);
            }
            return CliExit.OK;
        }
    }

    static void print(ServerOptions server, JsonObject product) {
        server.out()
                .printf(
                        "%s (%s)%s%n",
                        product.getString("name"),
                        product.getString("code"),
                        product.getBoolean("isDefault", false) ? " [default product]" : "");
        for (JsonObject e : product.getJsonArray("editions").getValuesAs(JsonObject.class)) {
            String limits = (e.containsKey("maxSeats") && !e.isNull("maxSeats")
                            ? ", at most " + e.getInt("maxSeats") + " seats"
                            : "")
                    + (e.containsKey("maxTermDays") && !e.isNull("maxTermDays")
                            ? ", at most " + e.getInt("maxTermDays") + " days"
                            : "");
            String features = e.getJsonArray("features").getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString)
                    .collect(Collectors.joining(", "));
            server.out()
                    .printf(
                            "  %s: %s%s%s%s%n",
                            e.getString("code"),
                            e.getString("name"),
                            e.getBoolean("isDefault") ? " (default)" : "",
                            limits,
                            features.isEmpty() ? "" : "; features: " + features);
        }
    }
}
