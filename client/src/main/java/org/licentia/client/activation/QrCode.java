package org.licentia.client.activation;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A QR code of a text, drawn where codes travel between a computer and a phone: in a terminal (a
 * computer without a connection shows the self-help address; the user scans it) and as a PNG (a
 * page shows a computer key).
 *
 * <p>Error correction level M (15 %) survives a phone held at an angle to a screen; the quiet zone
 * is the 4 modules the standard asks for, since a terminal's own background is not reliably light.
 */
public final class QrCode {

    /** The light border around the code, in modules. */
    public static final int QUIET_ZONE = 4;

    /** What the terminal draws its characters on, which decides whether the characters are the light or the dark modules. */
    public enum Background {
        /** Light characters on a dark background, most terminals' default: the characters draw the light modules. */
        DARK,
        /** Dark characters on a light background: the characters draw the dark modules. */
        LIGHT
    }

    private static final char UPPER_HALF = '\u2580';
    private static final char LOWER_HALF = '\u2584';
    private static final char FULL = '\u2588';

    private final ByteMatrix modules;

    private QrCode(ByteMatrix modules) {
        this.modules = modules;
    }

    /**
     * @throws IllegalArgumentException when {@code text} is too long for any QR code (about 2,300 characters at this level)
     */
    public static QrCode of(String text) {
        // Without a character set hint ZXing picks the compact alphanumeric mode where it can
        // (upper-case codes) and ISO-8859-1 bytes otherwise; UTF-8 only when the text needs it.
        Map<EncodeHintType, Object> hints =
                StandardCharsets.ISO_8859_1.newEncoder().canEncode(text)
                        ? Map.of()
                        : Map.of(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        try {
            return new QrCode(
                    Encoder.encode(text, ErrorCorrectionLevel.M, hints).getMatrix());
        } catch (WriterException tooLong) {
            throw new IllegalArgumentException(
                    "cannot make a QR code of " + text.length() + " characters: " + tooLong.getMessage(), tooLong);
        }
    }

    /** Modules per side, without the quiet zone. */
    public int size() {
        return modules.getWidth();
    }

    /** True for a dark module; coordinates from the top left, without the quiet zone. */
    public boolean isDark(int x, int y) {
        return x >= 0 && y >= 0 && x < size() && y < size() && modules.get(x, y) == 1;
    }

    /** {@link #toText(Background)} for a terminal with a dark background. */
    public String toText() {
        return toText(Background.DARK);
    }

    /**
     * The code as lines of text with its quiet zone, one character per module across and two modules
     * per line (Unicode half blocks), which keeps the modules about square in a terminal's font.
     */
    public String toText(Background background) {
        int side = size() + 2 * QUIET_ZONE;
        StringBuilder text = new StringBuilder();
        for (int row = 0; row < side; row += 2) {
            for (int column = 0; column < side; column++) {
                boolean upper = ink(column - QUIET_ZONE, row - QUIET_ZONE, background);
                // Beyond the quiet zone (an odd number of rows) nothing is drawn.
                boolean lower = row + 1 < side && ink(column - QUIET_ZONE, row + 1 - QUIET_ZONE, background);
                text.append(upper ? (lower ? FULL : UPPER_HALF) : (lower ? LOWER_HALF : ' '));
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** The code as a black-on-white PNG image with its quiet zone, {@code pixelsPerModule} pixels for each module. */
    public byte[] toPng(int pixelsPerModule) {
        if (pixelsPerModule < 1) {
            throw new IllegalArgumentException("at least one pixel per module");
        }
        int side = (size() + 2 * QUIET_ZONE) * pixelsPerModule;
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                boolean dark = isDark(x / pixelsPerModule - QUIET_ZONE, y / pixelsPerModule - QUIET_ZONE);
                image.setRGB(x, y, dark ? 0x000000 : 0xffffff);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException inMemory) {
            throw new UncheckedIOException(inMemory);
        }
        return png.toByteArray();
    }

    private boolean ink(int x, int y, Background background) {
        return isDark(x, y) == (background == Background.LIGHT);
    }
}
