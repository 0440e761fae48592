package org.licentia.licensefile.control;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;

/**
 * The license file as it travels: a zip holding {@value #MANIFEST} (the signed manifest, canonical
 * JSON), {@value #SIGNATURE} (its detached signature), one {@code licenses/NUMBER.json} per
 * license (the registration document, canonical JSON) and, once the publisher rotated its key,
 * {@value #ROLLOVERS}. Reading trusts nothing in the zip: only
 * those names are accepted (so no path can leave the folder), each at most once, and entry count,
 * entry sizes and the total are counted while inflating, not taken from the headers, so a zip bomb
 * stops at the limit.
 */
public final class LicenseFilePackage {

    public static final String MANIFEST = "manifest.json";
    public static final String SIGNATURE = "signature.json";
    /**
     * The manifest's detached CMS (PKCS#7) signature, with the signing key's certificate, for an
     * enterprise's own tools ({@code openssl cms -verify}); instances check {@link #SIGNATURE}
     * against the keys they pinned and pass over it.
     */
    public static final String MANIFEST_CMS = "manifest.p7s";
    /** The publisher's key rotations, so an instance that trusts an older key takes the one that signed the file. */
    public static final String ROLLOVERS = "key-rollovers.json";

    public static final int MAX_LICENSES = 20_000;
    public static final int MAX_ENTRIES = MAX_LICENSES + 4;
    public static final int MAX_DOCUMENT_BYTES = 64 * 1024;
    public static final int MAX_MANIFEST_BYTES = 16 * 1024 * 1024;
    public static final long MAX_TOTAL_BYTES = 64L * 1024 * 1024;
    /** The largest zip accepted at all, before it is opened. */
    public static final int MAX_FILE_BYTES = 32 * 1024 * 1024;

    private static final Pattern DOCUMENT = Pattern.compile("licenses/([0-9]{8})\\.json");

    /** What a license file holds, by name; {@code documents} by license number; {@code rollovers} may be null. */
    public record Contents(byte[] manifest, byte[] signature, Map<String, byte[]> documents, byte[] rollovers) {}

    private LicenseFilePackage() {}

    public static String documentName(String number) {
        return "licenses/" + number + ".json";
    }

    /** The zip of those contents, every entry dated {@code issuedAt}: the same contents and time give the same bytes. */
    public static byte[] write(
            byte[] manifest,
            byte[] signature,
            byte[] manifestCms,
            Map<String, byte[]> documents,
            byte[] rollovers,
            java.time.Instant issuedAt) {
        long time = issuedAt.toEpochMilli();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + documents.size() * 600);
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(zip, MANIFEST, manifest, time);
            put(zip, SIGNATURE, signature, time);
            if (manifestCms != null) {
                put(zip, MANIFEST_CMS, manifestCms, time);
            }
            if (rollovers != null) {
                put(zip, ROLLOVERS, rollovers, time);
            }
            for (Map.Entry<String, byte[]> d : new TreeMap<>(documents).entrySet()) {
                put(zip, documentName(d.getKey()), d.getValue(), time);
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] content, long time) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(time);
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }

    /**
     * The contents of {@code zip}.
     *
     * @throws LicensingException {@code LICENSE_FILE_INVALID} for anything that is not a license
     *     file of this format, {@code PAYLOAD_TOO_LARGE} beyond a limit
     */
    public static Contents read(byte[] zip) {
        if (zip == null || zip.length == 0) {
            throw invalid("The license file is empty");
        }
        if (zip.length > MAX_FILE_BYTES) {
            throw tooLarge("A license file is at most " + MAX_FILE_BYTES + " bytes");
        }
        byte[] manifest = null;
        byte[] signature = null;
        byte[] rollovers = null;
        boolean manifestCms = false;
        Map<String, byte[]> documents = new TreeMap<>();
        long total = 0;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (++entries > MAX_ENTRIES) {
                    throw tooLarge("A license file holds at most " + MAX_ENTRIES + " entries");
                }
                String name = entry.getName();
                Matcher document = DOCUMENT.matcher(name);
                if (MANIFEST.equals(name)) {
                    if (manifest != null) {
                        throw invalid("The license file holds " + MANIFEST + " twice");
                    }
                    manifest = content(in, name, MAX_MANIFEST_BYTES);
                    total += manifest.length;
                } else if (SIGNATURE.equals(name)) {
                    if (signature != null) {
                        throw invalid("The license file holds " + SIGNATURE + " twice");
                    }
                    signature = content(in, name, MAX_DOCUMENT_BYTES);
                    total += signature.length;
                } else if (MANIFEST_CMS.equals(name)) {
                    if (manifestCms) {
                        throw invalid("The license file holds " + MANIFEST_CMS + " twice");
                    }
                    manifestCms = true;
                    total += content(in, name, MAX_DOCUMENT_BYTES).length;
                } else if (ROLLOVERS.equals(name)) {
                    if (rollovers != null) {
                        throw invalid("The license file holds " + ROLLOVERS + " twice");
                    }
                    rollovers = content(in, name, MAX_DOCUMENT_BYTES);
                    total += rollovers.length;
                } else if (document.matches()) {
                    byte[] content = content(in, name, MAX_DOCUMENT_BYTES);
                    if (documents.put(document.group(1), content) != null) {
                        throw invalid("The license file holds " + name + " twice");
                    }
                    total += content.length;
                } else {
                    throw invalid("The license file holds an entry it must not: " + printable(name));
                }
                if (total > MAX_TOTAL_BYTES) {
                    throw tooLarge("A license file holds at most " + MAX_TOTAL_BYTES + " bytes uncompressed");
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw invalid("The license file is not a complete zip file (truncated or corrupt)");
        }
        requireEndRecord(zip, entries);
        if (manifest == null || signature == null) {
            throw invalid("The license file lacks its " + (manifest == null ? MANIFEST : SIGNATURE)
                    + (entries == 0 ? ": it is not a zip file" : ""));
        }
        return new Contents(manifest, signature, documents, rollovers);
    }

    /**
     * Reading entry by entry never looks at the zip's end (its central directory), so a file cut
     * short after its last entry would pass: the end record must be there, close the file exactly,
     * and count the entries that were read.
     */
    private static void requireEndRecord(byte[] zip, int entries) {
        int end = zip.length - 22;
        if (end < 0 || readInt(zip, end) != 0x06054b50) {
            throw invalid("The license file is not a complete zip file (truncated or corrupt)");
        }
        int count = readShort(zip, end + 10);
        long directorySize = readInt(zip, end + 12) & 0xffffffffL;
        long directoryOffset = readInt(zip, end + 16) & 0xffffffffL;
        if (count != entries || directoryOffset + directorySize != end || readShort(zip, end + 20) != 0) {
            throw invalid("The license file is not a complete zip file (truncated or corrupt)");
        }
    }

    private static int readShort(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    private static int readInt(byte[] b, int at) {
        return readShort(b, at) | readShort(b, at + 2) << 16;
    }

    /** The entry's bytes, inflated at most to {@code limit}: the size in the header may lie. */
    private static byte[] content(InputStream in, String name, int limit) throws IOException {
        byte[] content = in.readNBytes(limit + 1);
        if (content.length > limit) {
            throw tooLarge("The license file's " + name + " is larger than " + limit + " bytes");
        }
        return content;
    }

    private static String printable(String name) {
        String shown = name.length() > 80 ? name.substring(0, 80) + "..." : name;
        return shown.replaceAll("[^\\x20-\\x7e]", "?");
    }

    private static LicensingException invalid(String message) {
        return new LicensingException(ErrorCode.LICENSE_FILE_INVALID, message + ". Nothing was changed.");
    }

    private static LicensingException tooLarge(String message) {
        return new LicensingException(ErrorCode.PAYLOAD_TOO_LARGE, message + ". Nothing was changed.");
    }
}
