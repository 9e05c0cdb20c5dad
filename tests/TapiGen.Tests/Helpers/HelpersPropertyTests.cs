using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CsCheck;
using Xunit;

namespace TapiGen.Tests.Helpers
{
    /// <summary>
    /// Property-based checks with CsCheck: random values format like Enum.ToString and parse back to themselves;
    /// random text and random UTF-8 bytes parse like Enum.TryParse. A few thousand cases in all.
    /// </summary>
    [Collection(HelpersCollection.Name)]
    public sealed class HelpersPropertyTests
    {
        private readonly IReadOnlyList<HelperDriver> _drivers;

        public HelpersPropertyTests(HelpersFixture fixture)
        {
            string[] chosen =
            {
                "Pages.CALL_STATE", "Pages.TAPI_EVENT", "Pages.InputScope", "Pages.PROPDESC_TYPE_FLAGS", "Pages.D3D_FEATURE_LEVEL",
                "Models.FlagsNegative", "Models.FlagsZeroAliases", "Models.FlagsNoZero", "Models.CaseNames", "Models.Extremes64",
                "Models.ExtremesU64", "Models.ExtremesU32", "Models.BigAliases", "Models.BigAliasesFlags", "Models.Random0", "Models.Random1",
                "Models.Random2", "Models.Random3", "Models.EmptyPlain", "Models.EmptyFlags",
            };
            _drivers = chosen.Select(fixture.Get).ToList();
        }

        private Gen<HelperDriver> Driver => Gen.Int[0, _drivers.Count - 1].Select(i => _drivers[i]);

        /// <summary>Any bits of the enum's size, biased towards members and their combinations.</summary>
        private static Gen<ulong> ValueOf(HelperDriver d)
        {
            ulong[] members = EnumOracle.MemberBits(d);
            Gen<ulong> any = Gen.ULong.Select(v => v & d.Mask);
            if (members.Length == 0)
            {
                return any;
            }

            Gen<ulong> member = Gen.Int[0, members.Length - 1].Select(i => members[i]);
            Gen<ulong> combination = Gen.Select(member, member, member, (a, b, c) => a | b | c);
            return Gen.OneOf<ulong>(any, member, combination, Gen.Select(combination, Gen.Int[0, d.Info.Bits - 1], (c, bit) => c | (1UL << bit)));
        }

        [Fact]
        public void Formatting_matches_the_runtime_and_parses_back()
        {
            using var culture = new CultureScope(CultureInfo.InvariantCulture);
            Driver.SelectMany(d => ValueOf(d).Select(v => (d, v))).Sample(
                pair =>
                {
                    (HelperDriver d, ulong bits) = pair;
                    EnumOracle.AssertFormats(d, bits);
                    string text = d.ToStringFast(bits);
                    Assert.True(d.TryParseString(text, false, true, out ulong parsed) && parsed == bits, $"{d.Info.FullName}: \"{text}\" does not parse back to 0x{bits:X}");
                    Assert.True(d.TryParseUtf8(Encoding.UTF8.GetBytes(text), false, true, out parsed) && parsed == bits, $"{d.Info.FullName}: UTF-8 \"{text}\" does not parse back");
                },
                iter: 3000,
                threads: 1,
                print: pair => pair.d.Info.FullName + " 0x" + pair.v.ToString("X", CultureInfo.InvariantCulture));
        }

        [Fact]
        public void Random_text_parses_like_Enum_TryParse()
        {
            Gen<string> piece = Gen.OneOf<string>(",", " ", "\t", "\u00A0", "\u2029", "-", "+", "0", "1", "9", "\0", "x", "\u0130", "\u0131", "i", "I", "ß", "é", "\uD800", "\uFFFD");
            Driver.SelectMany(d =>
            {
                string[] names = Enum.GetNames(d.EnumType);
                Gen<string> name = names.Length == 0
                    ? Gen.Const("A")
                    : Gen.Int[0, names.Length - 1].Select(Gen.Int[0, 3], (i, style) => style switch
                    {
                        0 => names[i].ToLowerInvariant(),
                        1 => EnumOracle.SwapCase(names[i]),
                        _ => names[i],
                    });
                return Gen.OneOf<string>(piece, name, name).Array[1, 6].Select(parts => (d, string.Concat(parts)));
            }).Sample(
                pair => EnumOracle.AssertParses(pair.d, pair.Item2),
                iter: 2000,
                threads: 1,
                print: pair => pair.d.Info.FullName + " " + EnumOracle.Show(pair.Item2));
        }

        [Fact]
        public void Random_UTF8_bytes_parse_like_the_decoded_string()
        {
            // ASCII from names, separators and digits; multi-byte white space; and bytes that make invalid UTF-8.
            Gen<byte[]> piece = Gen.OneOf<byte[]>(
                Gen.OneOf<byte[]>(new byte[] { 0xC2, 0xA0 }, new byte[] { 0xE2, 0x80, 0xA8 }, new byte[] { 0xE3, 0x80, 0x80 }, new byte[] { 0xC3, 0xA9 }, new byte[] { 0xC4, 0xB0 },
                    new byte[] { 0xC0, 0xAF }, new byte[] { 0xED, 0xA0, 0x80 }, new byte[] { 0xF4, 0x90, 0x80, 0x80 }, new byte[] { 0xF0, 0x9F, 0x98, 0x80 }, new byte[] { 0x80 },
                    new byte[] { 0xE2, 0x80 }, new byte[] { (byte)',' }, new byte[] { (byte)' ' }, new byte[] { (byte)'-' }, new byte[] { (byte)'7' }, new byte[] { 0 }),
                Gen.Byte.Select(b => new[] { b }));
            Driver.SelectMany(d =>
            {
                string[] names = Enum.GetNames(d.EnumType);
                Gen<byte[]> name = names.Length == 0 ? Gen.Const(new[] { (byte)'A' }) : Gen.Int[0, names.Length - 1].Select(i => Encoding.UTF8.GetBytes(names[i]));
                return Gen.OneOf<byte[]>(piece, name).Array[1, 5].Select(parts => (d, parts.SelectMany(p => p).ToArray()));
            }).Sample(
                pair =>
                {
                    (HelperDriver d, byte[] bytes) = pair;
                    string decoded = Encoding.UTF8.GetString(bytes);
                    foreach (bool ignoreCase in new[] { false, true })
                    {
                        bool expected = EnumOracle.TryParse(d, decoded, ignoreCase, true, out ulong expectedBits);
                        bool actual = d.TryParseUtf8(bytes, ignoreCase, true, out ulong bits);
                        Assert.True(expected == actual && expectedBits == bits, $"{d.Info.FullName}: UTF-8 [{Convert.ToHexString(bytes)}] ({EnumOracle.Show(decoded)}), ignoreCase {ignoreCase}: {actual} 0x{bits:X}, expected {expected} 0x{expectedBits:X}");
                    }
                },
                iter: 2000,
                threads: 1,
                print: pair => pair.d.Info.FullName + " " + Convert.ToHexString(pair.Item2));
        }
    }
}
