using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using TapiGen.Generator.Model;
using TapiGen.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace TapiGen.Tests.Helpers
{
    /// <summary>
    /// The generated helpers against System.Enum on the real runtime, for every enum of the corpus, the test pages and
    /// the hand-built models: every member, undefined values, flag combinations; names in every case, lists, numbers,
    /// white space and garbage, through the string, span and UTF-8 overloads.
    /// </summary>
    [Collection(HelpersCollection.Name)]
    public sealed class HelpersOracleTests
    {
        private readonly HelpersFixture _fixture;
        private readonly ITestOutputHelper _output;

        public HelpersOracleTests(HelpersFixture fixture, ITestOutputHelper output)
        {
            _fixture = fixture;
            _output = output;
        }

        public static IEnumerable<object[]> Groups() => new[] { new object[] { "Corpus" }, new object[] { "Pages" }, new object[] { "Models" }, new object[] { "OlderLanguageVersions" } };

        private IReadOnlyList<HelperDriver> Group(string group)
        {
            if (group == "Corpus" && !_fixture.CorpusAvailable)
            {
                Assert.False(Environment.GetEnvironmentVariable("CI") == "true", "The corpus must be present in CI: " + RepoPaths.CorpusRoot);
                _output.WriteLine("SKIPPED: corpus not found at " + RepoPaths.CorpusRoot + "; the corpus oracle tests did not run.");
                return Array.Empty<HelperDriver>();
            }

            List<HelperDriver> drivers = (group switch
            {
                "Corpus" => _fixture.Corpus,
                "Pages" => _fixture.Pages,
                "OlderLanguageVersions" => _fixture.VariantDrivers,
                _ => _fixture.ModelDrivers,
            }).ToList();
            Assert.NotEmpty(drivers);
            _output.WriteLine($"{group}: {drivers.Count} enums");
            return drivers;
        }

        [Theory]
        [MemberData(nameof(Groups))]
        public void ToStringFast_matches_Enum_ToString(string group)
        {
            using var culture = new CultureScope(CultureInfo.InvariantCulture);
            int checks = 0;
            foreach (HelperDriver d in Group(group))
            {
                foreach (ulong bits in EnumOracle.Values(d, seed: d.Info.FullName.Length))
                {
                    EnumOracle.AssertFormats(d, bits);
                    checks++;
                }
            }

            _output.WriteLine($"{checks} values formatted");
        }

        [Theory]
        [MemberData(nameof(Groups))]
        public void TryParse_matches_Enum_TryParse_for_every_overload(string group)
        {
            int checks = 0;
            foreach (HelperDriver d in Group(group))
            {
                foreach (string text in EnumOracle.Inputs(d, seed: d.Info.FullName.Length))
                {
                    EnumOracle.AssertParses(d, text);
                    checks++;
                }
            }

            _output.WriteLine($"{checks} inputs parsed (x 4 option sets x 3 overloads)");
        }

        [Theory]
        [MemberData(nameof(Groups))]
        public void Parse_throws_what_Enum_Parse_throws(string group)
        {
            foreach (HelperDriver d in Group(group))
            {
                foreach (string text in EnumOracle.Inputs(d, seed: 7).Take(120))
                {
                    foreach (bool ignoreCase in new[] { false, true })
                    {
                        foreach (bool allowNumbers in new[] { true, false })
                        {
                            Type? expected = EnumOracle.ParseException(d, text, ignoreCase, allowNumbers);
                            Assert.True(expected == Thrown(() => d.ParseString(text, ignoreCase, allowNumbers)), $"{d.Info.FullName}.Parse(string {EnumOracle.Show(text)}, {ignoreCase}, {allowNumbers}): expected {expected?.Name ?? "no exception"}");
                            Assert.True(expected == Thrown(() => d.ParseChars(text, ignoreCase, allowNumbers)), $"{d.Info.FullName}.Parse(span {EnumOracle.Show(text)}): expected {expected?.Name ?? "no exception"}");
                            Assert.True(expected == Thrown(() => d.ParseUtf8(Encoding.UTF8.GetBytes(text), ignoreCase, allowNumbers)), $"{d.Info.FullName}.Parse(utf8 {EnumOracle.Show(text)}): expected {expected?.Name ?? "no exception"}");
                        }
                    }
                }
            }
        }

        [Theory]
        [MemberData(nameof(Groups))]
        public void GetValues_GetNames_and_Length_match_the_runtime_order(string group)
        {
            foreach (HelperDriver d in Group(group))
            {
                Assert.Equal(EnumOracle.MemberBits(d), d.Values());
                Assert.Equal(Enum.GetNames(d.EnumType), d.Names());
                Assert.Equal(Enum.GetValues(d.EnumType).Length, d.Length());
                Assert.Equal(2 * d.Length(), d.SpanLengths());
            }
        }

        [Theory]
        [MemberData(nameof(Groups))]
        public void IsDefined_matches_Enum_IsDefined(string group)
        {
            foreach (HelperDriver d in Group(group))
            {
                foreach (ulong bits in EnumOracle.Values(d, seed: 3).Take(300))
                {
                    Assert.True(Enum.IsDefined(d.EnumType, d.Box(bits)) == d.IsDefinedValue(bits), $"{d.Info.FullName}.IsDefined(0x{bits:X})");
                }

                string[] names = Enum.GetNames(d.EnumType);
                foreach (string text in names.Concat(EnumOracle.Inputs(d, seed: 5)))
                {
                    bool expected = Enum.IsDefined(d.EnumType, text);
                    bool expectedIgnoreCase = names.Any(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
                    Assert.True(expected == d.IsDefinedName(text, false), $"{d.Info.FullName}.IsDefined({EnumOracle.Show(text)})");
                    Assert.True(expected == d.IsDefinedChars(text, false), $"{d.Info.FullName}.IsDefined(span {EnumOracle.Show(text)})");
                    Assert.True(expectedIgnoreCase == d.IsDefinedName(text, true), $"{d.Info.FullName}.IsDefined({EnumOracle.Show(text)}, ignoreCase)");
                    Assert.True(expectedIgnoreCase == d.IsDefinedChars(text, true), $"{d.Info.FullName}.IsDefined(span {EnumOracle.Show(text)}, ignoreCase)");
                }
            }
        }

        [Theory]
        [MemberData(nameof(Groups))]
        public void Flag_helpers_match_Enum_HasFlag(string group)
        {
            var random = new Random(11);
            foreach (HelperDriver d in Group(group).Where(d => d.Info.IsFlags))
            {
                ulong[] members = EnumOracle.MemberBits(d);
                Assert.Equal(members.Aggregate(0UL, (a, b) => a | b), d.AllFlags!());
                foreach (ulong value in EnumOracle.Values(d, seed: 13).Take(200))
                {
                    ulong flag = members.Length == 0 ? 0 : members[random.Next(members.Length)];
                    Assert.Equal(((Enum)d.Box(value)).HasFlag((Enum)d.Box(flag)), d.HasFlagFast!(value, flag));
                    Assert.Equal((value & flag) != 0, d.HasAnyFlags!(value, flag));
                }
            }
        }

        [Fact]
        public void Descriptions_are_the_plain_text_of_the_member_ToStringFast_names()
        {
            foreach (HelperDriver d in _fixture.ModelDrivers)
            {
                EnumModel model = _fixture.ModelOf(d);
                foreach (ulong bits in EnumOracle.MemberBits(d).Distinct())
                {
                    string name = d.ToStringFast(bits);
                    EnumMemberModel member = model.Members.Single(m => m.TextName == name);
                    string? expected = member.PlainDescription.Length == 0 ? null : member.PlainDescription;
                    Assert.Equal(expected, d.GetDescription(bits));
                }
            }

            HelperDriver descriptions = _fixture.Get("Models.Descriptions");
            Assert.Equal("Says \"hi\" and C:\\path\\file; tab\there.", descriptions.GetDescription(1));
            Assert.Equal("line one\nline two\r\nthree\u2028four\u0085five", descriptions.GetDescription(2));
            Assert.Equal("naïve – “curly” \u00A0nbsp \u202Ebidi\u202C \uD83D\uDE00 emoji \uD800 lone", descriptions.GetDescription(3));
            Assert.Null(descriptions.GetDescription(4));
            Assert.Null(descriptions.GetDescription(99));
        }

        private static Type? Thrown(Action action)
        {
            try
            {
                action();
                return null;
            }
            catch (Exception e)
            {
                return e.GetType();
            }
        }
    }

    /// <summary>Sets the current culture for a test and restores it.</summary>
    internal sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

        public CultureScope(CultureInfo culture)
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
        }

        public void Dispose()
        {
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _uiCulture;
        }
    }
}
