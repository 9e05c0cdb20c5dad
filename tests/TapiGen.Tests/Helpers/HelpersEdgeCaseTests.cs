using System;
using System.Globalization;
using System.Linq;
using System.Text;
using Xunit;

namespace TapiGen.Tests.Helpers
{
    /// <summary>The corner cases, spelled out with their expected results (each also agrees with System.Enum).</summary>
    [Collection(HelpersCollection.Name)]
    public sealed class HelpersEdgeCaseTests
    {
        private const ulong Idle = 0, Connected = 2, Hold = 5, Queued = 6;

        private readonly HelpersFixture _fixture;
        private readonly HelperDriver _callState;
        private readonly HelperDriver _tapiEvent;

        public HelpersEdgeCaseTests(HelpersFixture fixture)
        {
            _fixture = fixture;
            _callState = fixture.Get("Pages.CALL_STATE");
            _tapiEvent = fixture.Get("Pages.TAPI_EVENT");
        }

        [Fact]
        public void An_alias_formats_as_the_member_the_runtime_picks()
        {
            // CS_LASTITEM = CS_QUEUED: the runtime names 6 after the first of them in its order.
            Assert.Equal("CS_QUEUED", _callState.ToStringFast(Queued));
            Assert.Equal(_callState.Box(Queued).ToString(), _callState.ToStringFast(Queued));
            Assert.True(_callState.TryParseString("CS_LASTITEM", false, true, out ulong bits) && bits == Queued);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData(" ")]
        [InlineData("\t\r\n\u00A0\u2028")]
        [InlineData(",")]
        [InlineData(" , ")]
        [InlineData("CS_IDLE,,CS_HOLD")]
        [InlineData("CS_IDLE,")]
        [InlineData(",CS_IDLE")]
        [InlineData("CS_IDLE, ")]
        [InlineData("- 1")]
        [InlineData("+-1")]
        [InlineData("1,2")]
        [InlineData("CS_IDLE, 1")]
        [InlineData("0x1")]
        [InlineData("\u22121")]
        [InlineData("１")]
        [InlineData("1\u00A0")]
        [InlineData("2147483648")]
        [InlineData("-2147483649")]
        [InlineData("CS_IDLE\0")]
        [InlineData("cs_idle")]
        public void Rejected_like_Enum_TryParse(string? text)
        {
            Assert.False(_callState.TryParseString(text, false, true, out ulong bits));
            Assert.Equal(0UL, bits);
            if (text is not null)
            {
                Assert.False(Enum.TryParse(_callState.EnumType, text, false, out _));
                Assert.False(_callState.TryParseChars(text, false, true, out _));
                Assert.False(_callState.TryParseUtf8(Encoding.UTF8.GetBytes(text), false, true, out _));
            }
        }

        [Theory]
        [InlineData("CS_CONNECTED", false, Connected)]
        [InlineData("  CS_CONNECTED\t", false, Connected)]
        [InlineData("\u00A0CS_CONNECTED\u3000", false, Connected)]
        [InlineData("cs_connected", true, Connected)]
        [InlineData("CS_HOLD, CS_IDLE", false, Hold)]
        [InlineData("CS_CONNECTED , CS_HOLD", false, Connected | Hold)]
        [InlineData("2", false, Connected)]
        [InlineData("+2", false, Connected)]
        [InlineData(" -0 ", false, Idle)]
        [InlineData("0002", false, Connected)]
        [InlineData("2 \0\0", false, Connected)]
        [InlineData("-1", false, 0xFFFFFFFF)]
        [InlineData("-2147483648", false, 0x80000000)]
        [InlineData("12345", false, 12345)]
        public void Accepted_like_Enum_TryParse(string text, bool ignoreCase, ulong expected)
        {
            // "A, B" is accepted for any enum, flags or not, and "A, B" on a plain enum ORs the values, as the runtime does.
            Assert.True(_callState.TryParseString(text, ignoreCase, true, out ulong bits));
            Assert.Equal(expected, bits);
            Assert.True(Enum.TryParse(_callState.EnumType, text, ignoreCase, out object? runtime));
            Assert.Equal(expected, _callState.Bits(runtime!));
            Assert.True(_callState.TryParseChars(text, ignoreCase, true, out bits) && bits == expected);
            Assert.True(_callState.TryParseUtf8(Encoding.UTF8.GetBytes(text), ignoreCase, true, out bits) && bits == expected);
        }

        [Fact]
        public void Numbers_can_be_refused()
        {
            Assert.False(_callState.TryParseString("2", false, false, out _));
            Assert.False(_callState.TryParseString(" -0", false, false, out _));
            Assert.False(_callState.TryParseUtf8(Encoding.UTF8.GetBytes("2"), false, false, out _));
            Assert.True(_callState.TryParseString("CS_CONNECTED", false, false, out ulong bits) && bits == Connected);
            var e = Assert.Throws<ArgumentException>(() => _callState.ParseString("2", false, false));
            Assert.Contains("'2'", e.Message);
        }

        [Fact]
        public void Parse_throws_the_runtime_exception_types_with_messages_naming_the_enum_and_the_input()
        {
            Assert.Throws<ArgumentNullException>(() => _callState.ParseString(null!, false, true));

            var notFound = Assert.Throws<ArgumentException>(() => _callState.ParseString("CS_NOPE", false, true));
            Assert.Contains("'CS_NOPE'", notFound.Message);
            Assert.Contains("Pages.CALL_STATE", notFound.Message);
            Assert.Throws<ArgumentException>(() => Enum.Parse(_callState.EnumType, "CS_NOPE"));

            var empty = Assert.Throws<ArgumentException>(() => _callState.ParseChars("  ", false, true));
            Assert.Contains("'  '", empty.Message);
            Assert.Equal("value", empty.ParamName);
            Assert.Equal("utf8Text", Assert.Throws<ArgumentException>(() => _callState.ParseUtf8(new[] { (byte)' ' }, false, true)).ParamName);
            Assert.Throws<ArgumentException>(() => Enum.Parse(_callState.EnumType, "  "));

            var overflow = Assert.Throws<OverflowException>(() => _callState.ParseUtf8(Encoding.UTF8.GetBytes("99999999999"), false, true));
            Assert.Contains("'99999999999'", overflow.Message);
            Assert.Contains("CALL_STATE", overflow.Message);
            Assert.Throws<OverflowException>(() => Enum.Parse(_callState.EnumType, "99999999999"));

            // A malformed number is "not found", not an overflow, even when its digits overflow: the runtime's order.
            Assert.Throws<ArgumentException>(() => _callState.ParseString("99999999999x", false, true));
            Assert.Throws<ArgumentException>(() => Enum.Parse(_callState.EnumType, "99999999999x"));
        }

        [Fact]
        public void Unsigned_and_64_bit_ranges_are_the_underlying_types()
        {
            HelperDriver u64 = _fixture.Get("Models.ExtremesU64");
            Assert.True(u64.TryParseString("18446744073709551615", false, true, out ulong bits) && bits == ulong.MaxValue);
            Assert.Throws<OverflowException>(() => u64.ParseString("18446744073709551616", false, true));
            Assert.Throws<OverflowException>(() => u64.ParseString("-1", false, true));
            Assert.True(u64.TryParseString("-0", false, true, out bits) && bits == 0);

            HelperDriver i64 = _fixture.Get("Models.Extremes64");
            Assert.True(i64.TryParseString("-9223372036854775808", false, true, out bits) && bits == 0x8000000000000000UL);
            Assert.Throws<OverflowException>(() => i64.ParseChars("9223372036854775808", false, true));
            Assert.Equal("Min", i64.ToStringFast(0x8000000000000000UL));
            Assert.Equal("-2", i64.ToStringFast(unchecked((ulong)-2L)));

            HelperDriver u32 = _fixture.Get("Models.ExtremesU32");
            Assert.Equal("Max", u32.ToStringFast(uint.MaxValue));
            Assert.Throws<OverflowException>(() => u32.ParseString("4294967296", false, true));
        }

        [Fact]
        public void Flags_format_and_parse_combinations_like_the_runtime()
        {
            Assert.Equal("TE_ADDRESS, TE_CALLSTATE", _tapiEvent.ToStringFast(0x2 | 0x8));
            Assert.Equal("0", _tapiEvent.ToStringFast(0));
            Assert.Equal("134217736", _tapiEvent.ToStringFast(0x8000008)); // an unknown bit: the whole value as a number
            Assert.True(_tapiEvent.TryParseString("TE_CALLSTATE,TE_ADDRESS", false, true, out ulong bits) && bits == 0xA);

            HelperDriver negative = _fixture.Get("Models.FlagsNegative");
            Assert.Equal("All", negative.ToStringFast(0xFFFFFFFF));
            Assert.Equal("None", negative.ToStringFast(0));
            Assert.Equal("AlsoLow", negative.ToStringFast(1)); // flags: the last alias in the runtime's order
            Assert.Equal("AlsoLow, Mid", negative.ToStringFast(0x10001));
            Assert.Equal("High", negative.ToStringFast(0x80000000));
        }

        [Fact]
        public void Ignoring_case_is_ordinal_under_tr_TR()
        {
            using var culture = new CultureScope(new CultureInfo("tr-TR"));
            Assert.True(_callState.TryParseString("cs_idle", true, true, out ulong bits) && bits == Idle);
            Assert.True(_callState.TryParseChars("Cs_IdLe", true, true, out bits) && bits == Idle);
            Assert.True(_callState.TryParseUtf8(Encoding.UTF8.GetBytes("cs_idle"), true, true, out bits) && bits == Idle);
            Assert.True(_callState.IsDefinedName("cs_idle", true));

            // The Turkish dotted capital I and dotless small i are other letters, ordinally, whatever the culture.
            foreach (string text in new[] { "CS_\u0130DLE", "cs_\u0131dle" })
            {
                Assert.False(_callState.TryParseString(text, true, true, out _));
                Assert.False(_callState.TryParseUtf8(Encoding.UTF8.GetBytes(text), true, true, out _));
                Assert.False(Enum.TryParse(_callState.EnumType, text, true, out _));
            }

            HelperDriver names = _fixture.Get("Models.CaseNames");
            Assert.True(names.TryParseString("i", false, true, out bits) && bits == 8);
            Assert.True(names.TryParseString("\u0130", false, true, out bits) && bits == 7);
            Assert.True(names.TryParseUtf8(Encoding.UTF8.GetBytes("\u0131"), true, true, out bits) && bits == 9);
            Assert.Equal("I", names.ToStringFast(10));
        }

        /// <summary>
        /// What the support file's case fold relies on: under OrdinalIgnoreCase no character beyond ASCII equals an ASCII
        /// one, and ASCII characters equal only themselves and, for letters, the letter of the other case. If the runtime
        /// ever changes this, ignore-case parsing of ASCII names must change with it.
        /// </summary>
        [Fact]
        public void The_runtime_matches_ASCII_characters_ignoring_case_only_with_ASCII_letters()
        {
            string[] characters = Enumerable.Range(0, 0x10000).Select(c => ((char)c).ToString()).ToArray();
            int pairs = 0;
            for (int a = 0; a < 0x80; a++)
            {
                for (int c = 0; c <= 0xFFFF; c++)
                {
                    bool expected = c == a || (c < 0x80 && (a | 0x20) >= 'a' && (a | 0x20) <= 'z' && (c | 0x20) == (a | 0x20));
                    if (string.Equals(characters[a], characters[c], StringComparison.OrdinalIgnoreCase) != expected)
                    {
                        Assert.Fail($"U+{a:X4} and U+{c:X4}: OrdinalIgnoreCase says {!expected}");
                    }

                    pairs += expected ? 1 : 0;
                }
            }

            Assert.Equal(128 + 52, pairs);
        }

        /// <summary>
        /// The ignore-case compare reads a name in blocks (16 bytes, 8 bytes, then byte by byte, the last block
        /// overlapping the one before it), so each of a name's characters must decide the match wherever it falls:
        /// every name of every enum, of every length the corpus has, changed at each position in turn to a character
        /// no letter equals and to one that differs only in its high byte, parses (string, characters, UTF-8) as
        /// Enum.TryParse does, and the other-case name matches.
        /// </summary>
        [Fact]
        public void Every_character_of_a_name_decides_a_match_ignoring_case()
        {
            int compared = 0;
            var lengths = new System.Collections.Generic.HashSet<int>();
            foreach (HelperDriver d in _fixture.Drivers)
            {
                foreach (string name in Enum.GetNames(d.EnumType))
                {
                    lengths.Add(name.Length);
                    var texts = new System.Collections.Generic.List<string> { EnumOracle.SwapCase(name) };
                    for (int i = 0; i < name.Length; i++)
                    {
                        // A character no letter equals, and (UTF-16) one that differs only in its high byte.
                        texts.Add(name.Substring(0, i) + (name[i] == '#' ? '$' : '#') + name.Substring(i + 1));
                        texts.Add(name.Substring(0, i) + (char)(name[i] ^ 0x100) + name.Substring(i + 1));
                    }

                    foreach (string text in texts)
                    {
                        bool expected = EnumOracle.TryParse(d, text, true, false, out ulong expectedBits);
                        Check("string", d.TryParseString(text, true, false, out ulong bits), bits);
                        if (d.Info.HasSpans)
                        {
                            Check("chars", d.TryParseChars(text, true, false, out bits), bits);
                            Check("UTF-8", d.TryParseUtf8(Encoding.UTF8.GetBytes(text), true, false, out bits), bits);
                        }

                        void Check(string overload, bool parsed, ulong actual)
                        {
                            compared++;
                            if (parsed != expected || actual != expectedBits)
                            {
                                Assert.Fail($"{d.Info.FullName} {overload} {EnumOracle.Show(text)}: {parsed} 0x{actual:X}, expected {expected} 0x{expectedBits:X}");
                            }
                        }
                    }
                }
            }

            // Names short and long enough for each way of comparing: byte by byte, 8-byte and 16-byte blocks, and more
            // than two 16-byte blocks (UTF-16: 17 characters and more; UTF-8: 33).
            Assert.Contains(lengths, n => n < 4);
            Assert.Contains(lengths, n => n >= 4 && n < 8);
            Assert.Contains(lengths, n => n >= 8 && n <= 16);
            Assert.True(lengths.Max() >= 33, "longest name: " + lengths.Max().ToString(CultureInfo.InvariantCulture));
            Assert.True(compared > 10000, compared.ToString(CultureInfo.InvariantCulture));
        }

        [Fact]
        public void Names_that_differ_only_in_case_resolve_like_the_runtime()
        {
            HelperDriver names = _fixture.Get("Models.CaseNames");
            foreach (string text in new[] { "a", "A", "STRASSE", "strasse", "Straße", "ÉTÉ", "été", "Été", "k", "K", "\u212A", "ΩMEGA", "ωmega" })
            {
                foreach (bool ignoreCase in new[] { false, true })
                {
                    bool expected = EnumOracle.TryParse(names, text, ignoreCase, true, out ulong expectedBits);
                    Assert.True(names.TryParseString(text, ignoreCase, true, out ulong bits) == expected && bits == expectedBits, text);
                    Assert.True(names.TryParseUtf8(Encoding.UTF8.GetBytes(text), ignoreCase, true, out bits) == expected && bits == expectedBits, "UTF-8 " + text);
                }
            }
        }

        [Fact]
        public void Undefined_values_format_as_invariant_numbers()
        {
            // Deliberate: Enum.ToString formats an undefined value with the current culture's negative sign; the
            // helpers always use the invariant culture, so the text parses back anywhere.
            using var culture = new CultureScope(new CultureInfo("sv-SE"));
            Assert.Equal("-5", _callState.ToStringFast(unchecked((uint)-5)));
            Assert.Equal("123", _callState.ToStringFast(123));
            Assert.True(_callState.TryParseString(_callState.ToStringFast(unchecked((uint)-5)), false, true, out ulong bits) && bits == unchecked((uint)-5));
        }

        [Fact]
        public void Invalid_UTF8_never_matches()
        {
            byte[][] invalid =
            {
                new byte[] { 0xFF },
                new byte[] { (byte)'C', (byte)'S', 0xC0, 0x80 },
                new byte[] { 0xED, 0xA0, 0x80 },
                new byte[] { 0xE2, 0x80 },
                new byte[] { (byte)'1', 0x80 },
            };
            foreach (byte[] bytes in invalid)
            {
                Assert.False(_callState.TryParseUtf8(bytes, false, true, out _));
                Assert.False(_callState.TryParseUtf8(bytes, true, true, out _));
                Assert.Throws<ArgumentException>(() => _callState.ParseUtf8(bytes, false, true));
            }
        }

        [Fact]
        public void Long_non_ASCII_UTF8_input_is_decoded_on_the_heap_and_still_parses()
        {
            string text = new string(' ', 300) + "\u00A0CS_HOLD\u00A0" + new string(' ', 300);
            Assert.True(_callState.TryParseUtf8(Encoding.UTF8.GetBytes(text), false, true, out ulong bits) && bits == Hold);
        }

        [Fact]
        public void Empty_enums_parse_only_numbers()
        {
            foreach (string name in new[] { "Models.EmptyPlain", "Models.EmptyFlags" })
            {
                HelperDriver empty = _fixture.Get(name);
                Assert.Equal(0, empty.Length());
                Assert.Equal("0", empty.ToStringFast(0));
                Assert.True(empty.TryParseString("7", false, true, out ulong bits) && bits == 7);
                Assert.False(empty.TryParseString("A", true, true, out _));
                Assert.False(empty.IsDefinedValue(0));
            }
        }

        /// <summary>
        /// Deliberate (README, "What is generated"): ToStringFast keeps the texts of flags combinations it writes, so a
        /// repeated combination returns the same string, where Enum.ToString allocates a new one each time. The first
        /// combinations find a place; at most 64 are kept per enum; kept texts are the runtime's.
        /// </summary>
        [Fact]
        public void Flag_combinations_are_kept_until_the_64_places_are_taken_and_no_more()
        {
            HelperDriver flags = _fixture.Get(TestModels.KeptNamespace + ".KeptFlags");
            ulong[] combinations = MultiFlagCombinations();

            // A table that is nearly empty keeps what it is given: the first 32 combinations, each of them.
            ulong[] first32 = combinations.Take(32).ToArray();
            string[] written = first32.Select(flags.ToStringFast).ToArray();
            Assert.All(first32.Select((bits, i) => (bits, i)), c => Assert.Same(written[c.i], flags.ToStringFast(c.bits)));

            string[] first = combinations.Select(flags.ToStringFast).ToArray();
            int kept = 0;
            for (int i = 0; i < combinations.Length; i++)
            {
                string expected = EnumOracle.ToString(flags, combinations[i]);
                string again = flags.ToStringFast(combinations[i]);
                Assert.Equal(expected, first[i]);
                Assert.Equal(expected, again);
                kept += ReferenceEquals(first[i], again) ? 1 : 0;
            }

            // Every place is taken by the time 4,000 combinations went by, each by one combination.
            Assert.Equal(64, kept);
            Assert.Contains(combinations, bits => (bits & 3) == 3 && ReferenceEquals(flags.ToStringFast(bits), flags.ToStringFast(bits)));
            Assert.Contains(combinations, bits => (bits & 3) != 3 && ReferenceEquals(flags.ToStringFast(bits), flags.ToStringFast(bits)));
            AssertKeptOnceEach(flags, 64);

            // The runtime's own texts are new strings each time: the difference is still there.
            object box = flags.Box(combinations[0]);
            Assert.False(ReferenceEquals(box.ToString(), box.ToString()));
        }

        [Fact]
        public void Threads_formatting_the_same_new_combinations_all_get_the_runtimes_texts()
        {
            HelperDriver flags = _fixture.Get(TestModels.KeptNamespace + ".RacedFlags");
            ulong[] combinations = MultiFlagCombinations();
            string[] expected = combinations.Select(bits => EnumOracle.ToString(flags, bits)).ToArray();
            const int threads = 4;
            using var start = new System.Threading.Barrier(threads);
            var results = new string[threads][];
            System.Threading.Tasks.Parallel.For(0, threads, new System.Threading.Tasks.ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
            {
                start.SignalAndWait();
                results[t] = new string[combinations.Length];
                for (int i = 0; i < combinations.Length; i++)
                {
                    // The threads walk the same combinations at nearly the same time, so they race for the same places.
                    int k = (i + t) % combinations.Length;
                    results[t][k] = flags.ToStringFast(combinations[k]);
                }
            });

            Assert.All(results, r => Assert.Equal(expected, r));
            AssertKeptOnceEach(flags, 64);
        }

        /// <summary>
        /// A combination may use the four places from the one its hash picks, and no more: with the first three taken it
        /// is kept in the fourth, with all four taken it is not kept at all (and written right each time); a thread that finds
        /// its last free place taken when it comes to keep its text keeps it nowhere else.
        /// </summary>
        [Fact]
        public void A_combination_is_kept_in_the_fourth_of_its_places_and_not_past_it()
        {
            HelperDriver flags = _fixture.Get(TestModels.KeptNamespace + ".PlacedFlags");

            // Five combinations of single flags (the composite Low left out) whose hash picks the same first place, one
            // near the end of the table, so their places wrap around to its start.
            ulong[] same = MultiFlagCombinations().Where(bits => (bits & 3) != 3).GroupBy(FirstPlace).First(g => g.Key >= 61 && g.Count() >= 5).Take(5).ToArray();
            int first = FirstPlace(same[0]);
            string[] texts = same.Select(flags.ToStringFast).ToArray();
            for (int i = 0; i < same.Length; i++)
            {
                string again = flags.ToStringFast(same[i]);
                Assert.Equal(EnumOracle.ToString(flags, same[i]), again);
                Assert.Equal(i < 4, ReferenceEquals(texts[i], again));
            }

            Array table = KeptTable(flags);
            for (int i = 0; i < 4; i++)
            {
                object entry = table.GetValue((first + i) % 64)!;
                Assert.Equal(same[i], (ulong)entry.GetType().GetField("Bits", Any)!.GetValue(entry)!);
            }

            // A thread that found the fourth place free, and lost it to another combination before keeping its own,
            // gives up there: the place after it is not one of its four.
            object names = FlagNamesOf(flags);
            var remember = names.GetType().GetMethod("Remember", Any)!;
            string text = "not kept";
            Assert.Same(text, remember.Invoke(names, new object[] { same[4], text, 3 }));
            Assert.Null(table.GetValue((first + 4) % 64));
        }

        /// <summary>The generated table's first place for a combination: the top six bits of its Fibonacci hash.</summary>
        private static int FirstPlace(ulong bits) => (int)(unchecked(bits * 0x9E3779B97F4A7C15UL) >> 58);

        private const System.Reflection.BindingFlags Any = System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Instance;

        /// <summary>The kept-text table of the enum's FlagNames, read by reflection.</summary>
        private static Array KeptTable(HelperDriver flags)
        {
            object names = FlagNamesOf(flags);
            return (Array)names.GetType().GetField("_written", Any)!.GetValue(names)!;
        }

        /// <summary>The enum's FlagNames (the support file's), read by reflection.</summary>
        private static object FlagNamesOf(HelperDriver flags)
        {
            Type helpers = flags.EnumType.Assembly.GetType(flags.Info.FullName + "Extensions", throwOnError: true)!;
            return helpers.GetField("Flags", Any)!.GetValue(null)!;
        }

        /// <summary>
        /// The kept-text table of the enum's FlagNames: <paramref name="places"/> places, all taken,
        /// no combination in two of them (a thread that loses the race for a place takes the winner's text), and each
        /// text the runtime's.
        /// </summary>
        private static void AssertKeptOnceEach(HelperDriver flags, int places)
        {
            Array table = KeptTable(flags);
            Assert.Equal(places, table.Length);
            var seen = new System.Collections.Generic.HashSet<ulong>();
            foreach (object? entry in table)
            {
                Assert.NotNull(entry);
                ulong bits = (ulong)entry!.GetType().GetField("Bits", Any)!.GetValue(entry)!;
                Assert.True(seen.Add(bits), $"0x{bits:X} is kept twice");
                Assert.Equal(EnumOracle.ToString(flags, bits), (string)entry.GetType().GetField("Text", Any)!.GetValue(entry)!);
            }
        }

        /// <summary>Every value of two or more of the twelve flags, ascending, but 3 (the member Low, whose name is always the same string).</summary>
        private static ulong[] MultiFlagCombinations()
            => Enumerable.Range(0, 1 << 12).Select(v => (ulong)v).Where(v => (v & (v - 1)) != 0 && v != 3).ToArray();
    }
}
