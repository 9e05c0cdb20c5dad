using System.Globalization;
using System.Numerics;

namespace TapiGen.Generator.Parsing.C
{
    /// <summary>Integer and character constants with the types C gives them (MSVC x64: long is 32 bits).</summary>
    internal static class CLiteral
    {

        /// <summary>
        /// Decimal, 0x hexadecimal, 0b binary and 0-prefixed octal, with the suffixes u, l, ll in any order and case and
        /// MSVC's i8/i16/i32/i64 (also with u). The type is the first of C's list for the base and suffix that holds
        /// the value.
        /// </summary>
        public static bool TryParseInteger(string text, out CValue value, out bool isHex, out string? error)
            => TryParseInteger(text, out value, out isHex, out error, out _);

        /// <param name="tooLarge">For a well-formed literal no integer type holds: its exact value.</param>
        public static bool TryParseInteger(string text, out CValue value, out bool isHex, out string? error, out BigInteger? tooLarge)
        {
            tooLarge = null;
            value = default;
            isHex = false;
            error = null;
            int p = 0;
            int radix = 10;
            if (text.Length > 1 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X'))
            {
                radix = 16;
                p = 2;
            }
            else if (text.Length > 1 && text[0] == '0' && (text[1] == 'b' || text[1] == 'B'))
            {
                radix = 2;
                p = 2;
            }
            else if (text.Length > 1 && text[0] == '0')
            {
                radix = 8;
                p = 1;
            }

            int digitsStart = p;
            BigInteger number = BigInteger.Zero;
            while (p < text.Length && Digit(text[p]) is int d && d < radix)
            {
                number = (number * radix) + d;
                p++;
                if (p - digitsStart > 70)
                {
                    error = "'" + Short(text) + "' has too many digits for any integer type";
                    return false;
                }
            }

            if (p == digitsStart && radix != 8)
            {
                error = "'" + Short(text) + "' is not a number";
                return false;
            }

            if (!TryReadSuffix(text, p, out bool unsigned, out int longs, out int explicitBits))
            {
                error = radix == 8 && p < text.Length && text[p] >= '8' && text[p] <= '9'
                    ? "'" + Short(text) + "' starts with 0, so C reads it as octal, which has no digit " + text[p]
                    : "'" + Short(text) + "' is not a number C can read";
                return false;
            }

            CType? type = ChooseType(number, radix == 10, unsigned, longs, explicitBits);
            if (type is null)
            {
                error = "'" + Short(text) + "' is too large for any integer type";
                tooLarge = number;
                return false;
            }

            isHex = radix == 16;
            value = CValue.Of(number, type.Value);
            return true;
        }

        /// <summary>A character constant: int (wchar_t, 16 bits unsigned, for L'x'); 'ab' packs bytes as MSVC and gcc do.</summary>
        public static bool TryParseChar(string text, out CValue value, out string? error)
        {
            value = default;
            error = null;
            int quote = text.IndexOf('\'');
            bool wide = quote > 0;
            if (quote < 0 || text.Length < quote + 3 || text[text.Length - 1] != '\'')
            {
                error = "'" + Short(text) + "' is not a complete character constant";
                return false;
            }

            BigInteger packed = BigInteger.Zero;
            int count = 0;
            for (int p = quote + 1; p < text.Length - 1;)
            {
                if (!TryReadChar(text, ref p, out int c))
                {
                    error = "'" + Short(text) + "' has an escape sequence TapiGen cannot read";
                    return false;
                }

                packed = wide ? c : (packed << 8) | (c & 0xFF);
                count++;
            }

            if (count == 0 || count > 4)
            {
                error = "'" + Short(text) + "' is not a character constant TapiGen can read";
                return false;
            }

            // A single plain char is signed on MSVC and gcc: '\xFF' is -1.
            value = wide ? CValue.Of(packed, CType.UShort) : count == 1 ? CValue.Of(CType.Char.Wrap(packed), CType.Int) : CValue.Of(packed, CType.Int);
            return true;
        }

        private static bool TryReadChar(string text, ref int p, out int c)
        {
            c = text[p++];
            if (c != '\\')
            {
                return true;
            }

            if (p >= text.Length - 1)
            {
                return false;
            }

            char e = text[p++];
            switch (e)
            {
                case 'n': c = '\n'; return true;
                case 't': c = '\t'; return true;
                case 'r': c = '\r'; return true;
                case 'a': c = 7; return true;
                case 'b': c = 8; return true;
                case 'f': c = 12; return true;
                case 'v': c = 11; return true;
                case '\\': case '\'': case '"': case '?': c = e; return true;
                case 'x':
                    c = 0;
                    int start = p;
                    while (p < text.Length - 1 && Digit(text[p]) is int h && h < 16 && p - start < 4)
                    {
                        c = (c * 16) + h;
                        p++;
                    }

                    return p > start;
                default:
                    if (e < '0' || e > '7')
                    {
                        return false;
                    }

                    c = e - '0';
                    for (int i = 0; i < 2 && p < text.Length - 1 && text[p] >= '0' && text[p] <= '7'; i++)
                    {
                        c = (c * 8) + (text[p++] - '0');
                    }

                    return true;
            }
        }

        private static bool TryReadSuffix(string text, int p, out bool unsigned, out int longs, out int explicitBits)
        {
            unsigned = false;
            longs = 0;
            explicitBits = 0;
            string suffix = text.Substring(p).ToLowerInvariant();
            if (suffix.Length == 0)
            {
                return true;
            }

            if (suffix.StartsWith("ui", System.StringComparison.Ordinal) || suffix.StartsWith("i", System.StringComparison.Ordinal))
            {
                unsigned = suffix[0] == 'u';
                string bits = suffix.Substring(unsigned ? 2 : 1);
                if (bits == "8" || bits == "16" || bits == "32" || bits == "64")
                {
                    explicitBits = int.Parse(bits, CultureInfo.InvariantCulture);
                    return true;
                }

                return false;
            }

            switch (suffix)
            {
                case "u": unsigned = true; return true;
                case "l": longs = 1; return true;
                case "ul": case "lu": unsigned = true; longs = 1; return true;
                case "ll": longs = 2; return true;
                case "ull": case "llu": unsigned = true; longs = 2; return true;
                default: return false;
            }
        }

        /// <summary>C11 6.4.4.1: the first type of the list for this base and suffix that can represent the value.</summary>
        private static CType? ChooseType(BigInteger value, bool isDecimal, bool unsigned, int longs, int explicitBits)
        {
            if (explicitBits > 0)
            {
                CType type = explicitBits == 64 ? CType.LongLong : CType.Int;
                type = unsigned ? type.Unsigned : type;
                return value <= type.Max ? type : !isDecimal && value <= type.Unsigned.Max ? type.Unsigned : (CType?)null;
            }

            CType[] candidates;
            if (unsigned)
            {
                candidates = longs == 2 ? new[] { CType.ULongLong }
                    : longs == 1 ? new[] { CType.ULong, CType.ULongLong }
                    : new[] { CType.UInt, CType.ULong, CType.ULongLong };
            }
            else if (isDecimal)
            {
                // C stops at long long; MSVC and gcc go on to unsigned long long (with a warning), and so do we.
                candidates = longs == 2 ? new[] { CType.LongLong, CType.ULongLong }
                    : longs == 1 ? new[] { CType.Long, CType.LongLong, CType.ULongLong }
                    : new[] { CType.Int, CType.Long, CType.LongLong, CType.ULongLong };
            }
            else
            {
                candidates = longs == 2 ? new[] { CType.LongLong, CType.ULongLong }
                    : longs == 1 ? new[] { CType.Long, CType.ULong, CType.LongLong, CType.ULongLong }
                    : new[] { CType.Int, CType.UInt, CType.Long, CType.ULong, CType.LongLong, CType.ULongLong };
            }

            foreach (CType candidate in candidates)
            {
                if (value <= candidate.Max)
                {
                    return candidate;
                }
            }

            return null;
        }

        private static int? Digit(char c)
            => c >= '0' && c <= '9' ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                : (int?)null;

        private static string Short(string text) => text.Length <= 40 ? text : text.Substring(0, 40) + "...";
    }
}
