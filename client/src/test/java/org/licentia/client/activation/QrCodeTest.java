package org.licentia.client.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.licentia.client.activation.QrCode.Background;

/** What a phone reads from the codes, checked with ZXing's own reader. */
class QrCodeTest {

    private static final String SELF_HELP =
            "https://licentia.example.com/self-help/activation?activationKey=JXTG1-J41PG-CPZ7C-GK290-5"
                    + "&computerId=0YCQH-F2B6H-MY9MG-2VMDA-X4MZH-1KDRJ";

    /** The text a scanner reads from {@code pixels} (true: dark), drawn at 4 pixels a module. */
    private static String scanned(boolean[][] pixels) throws Exception {
        int scale = 4;
        int height = pixels.length * scale;
        int width = pixels[0].length * scale;
        int[] rgb = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                rgb[y * width + x] = pixels[y / scale][x / scale] ? 0xff000000 : 0xffffffff;
            }
        }
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, rgb)));
        return new QRCodeReader()
                .decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
                .getText();
    }

    /**
     * Back from half blocks to modules: two per character, one above the other. The code is square,
     * so the half line below an odd number of rows (the terminal's own background) is left out.
     */
    private static boolean[][] modules(String text, Background background) {
        List<String> lines = text.lines().toList();
        int width = lines.get(0).length();
        boolean[][] pixels = new boolean[width][width];
        for (int row = 0; row < lines.size(); row++) {
            String line = lines.get(row);
            assertEquals(width, line.length(), "every line is as wide as the code");
            for (int column = 0; column < width; column++) {
                char c = line.charAt(column);
                boolean upper = c == '\u2588' || c == '\u2580';
                boolean lower = c == '\u2588' || c == '\u2584';
                // The characters are the light modules on a dark background, the dark ones on a light background.
                pixels[row * 2][column] = upper == (background == Background.LIGHT);
                if (row * 2 + 1 < width) {
                    pixels[row * 2 + 1][column] = lower == (background == Background.LIGHT);
                }
            }
        }
        return pixels;
    }

    @Test
    void aTerminalShowsACodeAPhoneCanRead() throws Exception {
        QrCode code = QrCode.of(SELF_HELP);
        for (Background background : Background.values()) {
            String text = code.toText(background);
            assertEquals(SELF_HELP, scanned(modules(text, background)), background.name());
            assertEquals(
                    (code.size() + 2 * QrCode.QUIET_ZONE + 1) / 2, text.lines().count());
        }
        assertEquals(code.toText(Background.DARK), code.toText());
    }

    @Test
    void drawsTheQuietZoneOnADarkBackground() {
        QrCode code = QrCode.of("ABC");
        String first = code.toText().lines().findFirst().orElseThrow();
        assertEquals(
                "\u2588".repeat(code.size() + 2 * QrCode.QUIET_ZONE),
                first,
                "light modules are drawn, so the border is too");
        assertTrue(
                code.toText(Background.LIGHT).lines().findFirst().orElseThrow().isBlank(),
                "the background is the border");
        assertTrue(code.size() <= 80 - 2 * QrCode.QUIET_ZONE);
    }

    @Test
    void aPngShowsTheSameCode() throws Exception {
        String computerKey = "1" + "0123456789ABCDEFGHJKMNPQRSTVWXYZ".repeat(5);
        QrCode code = QrCode.of(computerKey);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(code.toPng(3)));
        int side = (code.size() + 2 * QrCode.QUIET_ZONE) * 3;
        assertEquals(side, image.getWidth());
        assertEquals(side, image.getHeight());
        boolean[][] pixels = new boolean[side][side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                pixels[y][x] = (image.getRGB(x, y) & 0xffffff) == 0;
            }
        }
        assertEquals(computerKey, scanned(pixels));
    }

    @Test
    void keepsTextThatIsNotLatin1() throws Exception {
        String text = "Zürich → Kraków";
        QrCode code = QrCode.of(text);
        assertEquals(text, scanned(modules(code.toText(), Background.DARK)));
    }

    @Test
    void refusesWhatNoQrCodeHolds() throws IOException {
        assertThrows(IllegalArgumentException.class, () -> QrCode.of("x".repeat(5000)));
        assertThrows(IllegalArgumentException.class, () -> QrCode.of("x").toPng(0));
    }
}
