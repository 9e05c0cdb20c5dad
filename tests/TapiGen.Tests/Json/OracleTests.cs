using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using Xunit;
using Xunit.Abstractions;

namespace TapiGen.Tests.Json
{
    /// <summary>
    /// JsonStringEnumConverter as the oracle: the same bytes out for every value, and the same inputs accepted, with
    /// the value, or rejected. Where TapiGen differs on purpose (README, section JSON), the test allows exactly that
    /// difference and checks it still happens, so the documentation cannot go stale.
    /// </summary>
    public class OracleTests
    {
        private readonly ITestOutputHelper _output;

        public OracleTests(ITestOutputHelper output) => _output = output;

        public static IEnumerable<object[]> Enums() => JsonTestEnums.Names.Select(n => new object[] { n });

        [Theory]
        [MemberData(nameof(Enums))]
        public void Writes_the_same_bytes_as_JsonStringEnumConverter(string enumName)
        {
            Type type = JsonTestEnums.Enum(JsonTestEnums.Defaults, enumName);
            foreach (ulong bits in JsonDriver.WriteCases(type))
            {
                object value = JsonDriver.Value(type, bits);
                Assert.Equal(JsonDriver.Write(value, type, JsonDriver.Oracle), JsonDriver.Write(value, type));
                Assert.Equal(value, JsonDriver.Read(JsonDriver.Write(value, type), type));
            }
        }

        [Theory]
        [MemberData(nameof(Enums))]
        public void Strict_options_write_what_JsonStringEnumConverter_without_integers_writes(string enumName)
        {
            Type type = JsonTestEnums.Enum(JsonTestEnums.Strict, enumName);
            foreach (ulong bits in JsonDriver.WriteCases(type))
            {
                object value = JsonDriver.Value(type, bits);
                Assert.Equal(
                    Outcome(() => JsonDriver.Write(value, type, JsonDriver.OracleNoNumbers)),
                    Outcome(() => JsonDriver.Write(value, type)));
            }
        }

        /// <summary>In JsonIgnoreCase mode (JsonStringEnumConverter always falls back to ignoring case) the only difference is comma lists for enums that are not flags.</summary>
        [Theory]
        [MemberData(nameof(Enums))]
        public void With_ignore_case_reads_what_JsonStringEnumConverter_reads(string enumName)
        {
            Type type = JsonTestEnums.Enum(JsonTestEnums.IgnoreCase, enumName);
            int listsOnlyTheOracleReads = CompareReads(type, JsonDriver.Oracle, allowCaseDifference: false);
            if (!JsonDriver.IsFlags(type) && JsonDriver.DefinedBits(type).Count > 1)
            {
                Assert.True(listsOnlyTheOracleReads > 0, "JsonStringEnumConverter no longer reads comma lists for non-flags enums: update README's JSON section");
            }
        }

        [Theory]
        [MemberData(nameof(Enums))]
        public void By_default_reads_what_JsonStringEnumConverter_reads_but_case_sensitively(string enumName)
            => CompareReads(JsonTestEnums.Enum(JsonTestEnums.Defaults, enumName), JsonDriver.Oracle, allowCaseDifference: true);

        [Theory]
        [MemberData(nameof(Enums))]
        public void Without_numbers_reads_what_JsonStringEnumConverter_without_integers_reads(string enumName)
            => CompareReads(JsonTestEnums.Enum(JsonTestEnums.Strict, enumName), JsonDriver.OracleNoNumbers, allowCaseDifference: true);

        /// <summary>Compares every input's outcome; returns how many differed by a non-flags comma list (allowed).</summary>
        private int CompareReads(Type type, JsonSerializerOptions oracle, bool allowCaseDifference)
        {
            int lists = 0, cases = 0;
            foreach (string json in ReadCases(type))
            {
                string expected = Outcome(() => JsonDriver.Read(json, type, oracle));
                string actual = Outcome(() => JsonDriver.Read(json, type));
                Assert.Equal(actual, Outcome(() => JsonDriver.ReadSegmented(json, type)));
                if (expected == actual)
                {
                    continue;
                }

                bool weReject = actual == "JsonException";
                if (weReject && !JsonDriver.IsFlags(type) && json.Contains(','))
                {
                    lists++;
                    continue;
                }

                if (weReject && allowCaseDifference && Outcome(() => JsonDriver.Read(json, type, oracle)) == Outcome(() => JsonDriver.Read(CaseOfAName(type, json), type)))
                {
                    cases++;
                    continue;
                }

                Assert.Fail($"{type.Name}: {json}: JsonStringEnumConverter gives {expected}, TapiGen {actual}");
            }

            _output.WriteLine($"{type.Name}: {lists} comma lists and {cases} case variants only JsonStringEnumConverter reads");
            return lists;
        }

        /// <summary>The input with each name in the case the enum declares it, to tell "differs only by case" apart.</summary>
        private static string CaseOfAName(Type type, string json)
        {
            foreach (string name in Enum.GetNames(type))
            {
                int at = json.IndexOf(name, StringComparison.OrdinalIgnoreCase);
                while (at >= 0)
                {
                    json = json.Substring(0, at) + name + json.Substring(at + name.Length);
                    at = json.IndexOf(name, at + name.Length, StringComparison.OrdinalIgnoreCase);
                }
            }

            return json;
        }

        private static string Outcome(Func<object?> action)
        {
            try
            {
                object? value = action();
                return value is string s ? s : JsonDriver.Outcome(() => value);
            }
            catch (JsonException)
            {
                return "JsonException";
            }
        }

        private static IEnumerable<string> ReadCases(Type type)
        {
            string[] names = Enum.GetNames(type);
            var picked = names.Take(3).Concat(names.Skip(Math.Max(3, names.Length - 2))).Distinct().ToList();
            foreach (string name in picked)
            {
                yield return Quote(name);
                yield return Quote(name.ToLowerInvariant());
                yield return Quote(name.ToUpperInvariant());
                yield return Quote(" " + name);
                yield return Quote(name + " ");
                yield return Quote("\\t" + name + "\\n");
                yield return Quote("\\u00A0" + name);
                yield return Quote(name + "\\u3000");
                yield return Quote("\\u2028" + name + "\\u0085");
                yield return Quote("\\u200B" + name);
                yield return Quote(name + "\\u0000");
                yield return Quote("\\u" + ((int)name[0]).ToString("X4") + name.Substring(1));
                yield return Quote(name + "x");
                yield return Quote(name.Substring(0, name.Length - 1));
            }

            if (picked.Count >= 2)
            {
                string a = picked[0], b = picked[picked.Count - 1];
                foreach (string list in new[] { a + ", " + b, a + "," + b, a + " ,b", " " + a + " , " + b + " ", a + ", " + b + ",", a + ", " + b + ", ", a + ",," + b, "," + a, a + ", " + a, a + "|" + b, a + "; " + b, a + ", 8", "8, " + a, a + ",", a + ", ,", b.ToLowerInvariant() + ", " + a })
                {
                    yield return Quote(list);
                }
            }

            foreach (string number in new[]
            {
                "0", "1", "+1", "-0", "-1", " 1 ", "001", "1.0", "0x1", "1e3", "+-1", "- 1", "1 2", "\\u00A01", "\\u0661",
                "4294967295", "4294967296", "-2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
                "-9223372036854775808", "-9223372036854775809", "18446744073709551615", "18446744073709551616", "99999999999999999999999",
            })
            {
                yield return Quote(number);
            }

            foreach (string json in new[]
            {
                "0", "1", "-1", "-0", "1.0", "1e3", "4294967295", "4294967296", "-2147483649", "9223372036854775808",
                "18446744073709551615", "18446744073709551616", "\"\"", "\" \"", "\",\"", "null", "true", "false", "[]", "{}", "[1]",
            })
            {
                yield return json;
            }
        }

        private static string Quote(string text) => "\"" + text + "\"";
    }
}
