package org.licentia.cli;

import java.util.List;
import picocli.CommandLine.Option;

/**
 * The publisher keys that computer keys are checked with, for the commands that check them
 * ({@link NodeLockOptions#publisherKeys}); an application embeds them, the CLI is told them or
 * fetches them.
 */
final class PublisherKeyOption {

    @Option(
            names = "--public-key",
            paramLabel = "BASE64",
            converter = InputFormats.PublicKey.class,
            description = {
                "The publisher's Ed25519 public key that signs computer keys (repeatable);",
                "default: the keys the server at --url publishes."
            })
    List<byte[]> publicKeys;
}
