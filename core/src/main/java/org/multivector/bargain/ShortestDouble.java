package org.multivector.bargain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Shortest round-trip decimal form of a double, written as Python's {@code repr} writes it
 * ({@code 75.79}, {@code 6.370000000000001}, {@code 50.0}, {@code 1e-05}) — the layout of KTAB's
 * reference {@code positions.csv} files. Java 17's {@code Double.toString} is not always shortest
 * (JDK-4511638, fixed in 19), hence this.
 */
public final class ShortestDouble {
    private ShortestDouble() {}

    public static String format(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        if (x == 0) {
            return (1 / x < 0) ? "-0.0" : "0.0";
        }
        BigDecimal exact = new BigDecimal(x);
        BigDecimal shortest = null;
        for (int digits = 1; digits <= 17; digits++) {
            BigDecimal r = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == x) {
                shortest = r;
                break;
            }
        }
        if (shortest == null) {
            throw new IllegalStateException("no round-trip form for " + x);
        }
        BigDecimal s = shortest.stripTrailingZeros();
        String digits = s.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - s.scale();
        String sign = s.signum() < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String e = exponent < 0 ? "-" + pad(-exponent) : "+" + pad(exponent);
            return sign + mantissa + "e" + e;
        }
        String plain = s.abs().toPlainString();
        if (!plain.contains(".")) {
            plain = plain + ".0";
        }
        return sign + plain;
    }

    private static String pad(int e) {
        return e < 10 ? "0" + e : Integer.toString(e);
    }
}
