using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Text;
using Xunit;

namespace TapiGen.Tests.Helpers
{
    /// <summary>
    /// System.Enum on the real runtime as the oracle, the inputs worth asking it about, and the comparisons of every
    /// helper overload with it.
    /// </summary>
    internal static class EnumOracle
    {
        public static string ToString(HelperDriver d, ulong bits) => d.Box(bits).ToString()!;

        /// <summary>Enum.TryParse, plus allowNumbers=false: then text that the runtime would read as a number fails.</summary>
        public static bool TryParse(HelperDriver d, string? text, bool ignoreCase, bool allowNumbers, out ulong bits)
        {
            bits = 0;
            if (text is null || (!allowNumbers && LooksNumeric(text)))
            {
                return false;
            }

            if (!Enum.TryParse(d.EnumType, text, ignoreCase, out object? value))
            {
                return false;
            }

            bits = d.Bits(value!);
            return true;
        }

        /// <summary>The type of exception Enum.Parse throws, or null.</summary>
        public static Type? ParseException(HelperDriver d, string text, bool ignoreCase, bool allowNumbers)
        {
            if (!allowNumbers && LooksNumeric(text))
            {
                return typeof(ArgumentException);
            }

            try
            {
                Enum.Parse(d.EnumType, text, ignoreCase);
                return null;
            }
            catch (Exception e)
            {
                return e.GetType();
            }
        }

        private static bool LooksNumeric(string text)
        {
            string trimmed = text.TrimStart();
            return trimmed.Length > 0 && (char.IsAsciiDigit(trimmed[0]) || trimmed[0] == '-' || trimmed[0] == '+');
        }

        /// <summary>Each member's bits, in System.Enum's order.</summary>
        public static ulong[] MemberBits(HelperDriver d) => Enum.GetValues(d.EnumType).Cast<object>().Select(d.Bits).ToArray();

        /// <summary>Members, a spread of undefined values, and flag combinations (all of them for small enums).</summary>
        public static IEnumerable<ulong> Values(HelperDriver d, int seed)
        {
            var random = new Random(seed);
            ulong mask = d.Mask;
            ulong[] members = MemberBits(d);
            var values = new HashSet<ulong>(members) { 0, 1, 2, 3, 0x7F, 0x80, 0xFF, 0x100, mask, mask - 1, mask >> 1, (mask >> 1) + 1 };
            for (int bit = 0; bit < d.Info.Bits; bit++)
            {
                values.Add(1UL << bit);
            }

            for (int i = 0; i < 50; i++)
            {
                values.Add((ulong)random.NextInt64() & mask);
                values.Add((ulong)random.Next(1000));
            }

            ulong[] distinct = members.Where(m => m != 0).Distinct().ToArray();
            if (distinct.Length <= 12)
            {
                for (int subset = 0; subset < 1 << distinct.Length; subset++)
                {
                    ulong combined = 0;
                    for (int i = 0; i < distinct.Length; i++)
                    {
                        if ((subset & (1 << i)) != 0)
                        {
                            combined |= distinct[i];
                        }
                    }

                    values.Add(combined);
                    values.Add(combined | (1UL << (d.Info.Bits - 1)));
                }
            }
            else
            {
                for (int i = 0; i < 600; i++)
                {
                    ulong combined = 0;
                    int take = random.Next(1, 6);
                    for (int k = 0; k < take; k++)
                    {
                        combined |= distinct[random.Next(distinct.Length)];
                    }

                    values.Add(combined);
                    values.Add(combined | (1UL << random.Next(d.Info.Bits)));
                }
            }

            return values.OrderBy(v => v);
        }

        /// <summary>Texts worth parsing: names in every form, lists, numbers of every shape, and garbage.</summary>
        public static IEnumerable<string> Inputs(HelperDriver d, int seed)
        {
            var random = new Random(seed);
            string[] names = Enum.GetNames(d.EnumType);
            var inputs = new List<string>
            {
                string.Empty, " ", "\t\r\n ", "\u00A0", ",", " , ", ",,", "\0", "+", "-", "- 1", "+-1", "--1", "\uFFFD", "0x1", "1e3",
                "1.0", "(1)", "1,2", "1 ,2", "\u22121", "\u2212" + "1", "１", "٣", "0", "-0", "+0", "  -0 ", "00000000000000000000000000001",
                "1\0", "1 \0", "1\0 ", "1\0\0", "1 \t", "1\u00A0", "\u00A01", " +7 ", "+ 7", "7-", "18446744073709551615", "18446744073709551616",
                "-9223372036854775808", "-9223372036854775809", "9223372036854775807", "9223372036854775808", "4294967295", "4294967296",
                "2147483647", "2147483648", "-2147483648", "-2147483649", "99999999999999999999999", "-99999999999999999999999x",
                "99999999999999999999999 ", "99999999999999999999999\0", "nope", "A,", ",A",
            };

            IEnumerable<string> chosen = names.Length <= 40 ? names : names.OrderBy(_ => random.Next()).Take(40);
            foreach (string name in chosen)
            {
                inputs.Add(name);
                inputs.Add(name.ToLowerInvariant());
                inputs.Add(name.ToUpperInvariant());
                inputs.Add(SwapCase(name));
                inputs.Add(" " + name + " ");
                inputs.Add("\t" + name + "\r\n");
                inputs.Add("\u00A0" + name + "\u2028");
                inputs.Add("\u3000" + name);
                inputs.Add(name + ",");
                inputs.Add("," + name);
                inputs.Add(name + "\0");
                inputs.Add(name.Substring(0, name.Length - 1));
                inputs.Add(name + "x");
                inputs.Add("+" + name);
                inputs.Add(name + ", " + names[random.Next(names.Length)]);
                inputs.Add(name + " ,\t" + names[random.Next(names.Length)].ToLowerInvariant() + " ");
                inputs.Add(name + ",," + names[random.Next(names.Length)]);
                inputs.Add(name + ", 1");
                inputs.Add("1, " + name);
                inputs.Add(name + ", ");

                // One character moved beyond ASCII with its low byte kept (a byte-wise case fold must not take 'Ł' for
                // 'A'), at a random place and, with its case swapped, at the end.
                int at = random.Next(name.Length);
                inputs.Add(name.Substring(0, at) + (char)(name[at] + 0x100) + name.Substring(at + 1));
                inputs.Add(name.Substring(0, name.Length - 1) + (char)((name[^1] ^ 0x20) + 0x100));

                // The letters older runtimes matched with ASCII ones ignoring case: dotless i, long s, Kelvin sign.
                inputs.Add(name.Replace('i', '\u0131').Replace('I', '\u0131').Replace('s', '\u017F').Replace('S', '\u017F').Replace('k', '\u212A').Replace('K', '\u212A'));
            }

            foreach (ulong bits in MemberBits(d).Take(30).Concat(new[] { d.Mask, 5UL, 1UL << (d.Info.Bits - 1) }))
            {
                string number = Convert.ToString(Convert.ChangeType(d.Box(bits), Enum.GetUnderlyingType(d.EnumType), CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)!;
                inputs.Add(number);
                inputs.Add(" " + number + " ");
                inputs.Add("+" + number);
                inputs.Add(number.StartsWith('-') ? number.Substring(1) : "-" + number);
                inputs.Add(number + "\0");
                inputs.Add("0000" + number.TrimStart('-'));
            }

            for (int i = 0; i < 40; i++)
            {
                inputs.Add(RandomText(random, names));
            }

            return inputs.Distinct(StringComparer.Ordinal);
        }

        /// <summary>A short random mix of name fragments, separators, white space, digits and signs.</summary>
        public static string RandomText(Random random, IReadOnlyList<string> names)
        {
            string[] pieces = { ",", " ", "\t", "\u00A0", "-", "+", "0", "7", "9", "\0", "x", "\u0130", "\u0131", "é" };
            var sb = new StringBuilder();
            int count = random.Next(1, 5);
            for (int i = 0; i < count; i++)
            {
                if (names.Count > 0 && random.Next(2) == 0)
                {
                    string name = names[random.Next(names.Count)];
                    sb.Append(random.Next(3) == 0 ? SwapCase(name) : name);
                }
                else
                {
                    sb.Append(pieces[random.Next(pieces.Length)]);
                }
            }

            return sb.ToString();
        }

        public static string SwapCase(string text)
            => new string(text.Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c)).ToArray());

        /// <summary>Formats <paramref name="bits"/> with the helper and compares with Enum.ToString.</summary>
        public static void AssertFormats(HelperDriver d, ulong bits)
        {
            // Twice: a flags combination's text may be written on the first call and kept for the second.
            string expected = ToString(d, bits);
            foreach (string actual in new[] { d.ToStringFast(bits), d.ToStringFast(bits) })
            {
                if (!string.Equals(expected, actual, StringComparison.Ordinal))
                {
                    Assert.Fail($"{d.Info.FullName}.ToStringFast(0x{bits:X}) = \"{actual}\", Enum.ToString gives \"{expected}\"");
                }
            }
        }

        /// <summary>Parses <paramref name="text"/> with every overload and option and compares with Enum.TryParse.</summary>
        public static void AssertParses(HelperDriver d, string text)
        {
            byte[] utf8 = Encoding.UTF8.GetBytes(text);
            string roundTripped = Encoding.UTF8.GetString(utf8);
            foreach (bool ignoreCase in new[] { false, true })
            {
                foreach (bool allowNumbers in new[] { true, false })
                {
                    bool expected = TryParse(d, text, ignoreCase, allowNumbers, out ulong expectedBits);
                    Check("TryParse(string)", d.TryParseString(text, ignoreCase, allowNumbers, out ulong bits), bits, expected, expectedBits);
                    Check("TryParse(ReadOnlySpan<char>)", d.TryParseChars(text, ignoreCase, allowNumbers, out bits), bits, expected, expectedBits);
                    bool expectedUtf8 = TryParse(d, roundTripped, ignoreCase, allowNumbers, out ulong expectedUtf8Bits);
                    Check("TryParse(ReadOnlySpan<byte>)", d.TryParseUtf8(utf8, ignoreCase, allowNumbers, out bits), bits, expectedUtf8, expectedUtf8Bits);

                    void Check(string overload, bool parsed, ulong actualBits, bool expectedParsed, ulong expectedValue)
                    {
                        if (parsed != expectedParsed || actualBits != expectedValue)
                        {
                            Assert.Fail($"{d.Info.FullName}.{overload} of {Show(text)} (ignoreCase {ignoreCase}, allowNumbers {allowNumbers}) = {parsed}, 0x{actualBits:X}; expected {expectedParsed}, 0x{expectedValue:X}");
                        }
                    }
                }
            }

            bool defaults = d.TryParseStringDefaults(text, true, false, out ulong defaultBits);
            bool expectedDefaults = TryParse(d, text, false, true, out ulong expectedDefaultBits);
            Assert.True(defaults == expectedDefaults && defaultBits == expectedDefaultBits, $"{d.Info.FullName}.TryParse({Show(text)}, out) differs from Enum.TryParse");
        }

        public static string Show(string text)
            => "\"" + string.Concat(text.Select(c => c < 0x20 || c > 0x7E ? "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : c.ToString())) + "\"";

        /// <summary>The storage bits of a value given as a BigInteger of the underlying type.</summary>
        public static ulong BitsOf(BigInteger value, int bits) => (ulong)(value & ((BigInteger.One << bits) - 1));
    }
}
