using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Text.RegularExpressions;
using TapiGen.Tests.Headers.Oracle;
using Xunit;
using Xunit.Abstractions;

namespace TapiGen.Tests.Headers
{
    /// <summary>
    /// The header oracle checked against values worked out by hand: written headers for the rules (MIDL layout, literals,
    /// LLP64 casts, #if inside bodies, references across enums and headers), real SDK headers for the layout, and an
    /// opt-in run over every header of um/ and shared/ (TAPIGEN_HEADER_SCALE=1).
    /// </summary>
    public sealed class OracleSelfTests
    {
        private const string RulesHeader = @"
#ifndef _ORACLE_RULES_H_
#define _ORACLE_RULES_H_

#define MY_BASE 0x100
#define MY_FLAG(n) \
    (1 << (n))

/* MIDL writes enums like this */
typedef 
enum MIDL_STYLE
    {
        MS_A	= 0,
        MS_B	= ( MS_A + 1 ) ,
        MS_C	= MS_B
    } 	MIDL_STYLE;

typedef enum _LITERALS {
    L_HEX = 0x1F,
    L_OCT = 017,
    L_DEC_U = 42u,
    L_LONG = 7L,
    L_ULONG = 8UL,
    L_I64 = 9i64,
    L_NEG = -5,
    L_NEG_HEX = -0x10,   // a trailing comma, as C99 allows
} LITERALS, *PLITERALS;

enum CASTS {
    C_DWORD_M1 = (DWORD)-1,
    C_LONG_BIG = (long)0xFFFFFFFF,
    C_ULONG_M1 = (unsigned long)-1,
    C_LONG_INT = (unsigned long int)-2,
    C_LONG_TYPEDEF = (LONG)0x80004005,
    C_HRESULT = (HRESULT)0x80070005L,
    C_SHIFT31 = 1 << 31,
    C_L_SHIFT31 = 1L << 31,
    C_NOT0 = ~0,
    C_NOT0UL = ~0UL,
    C_NOT_L = ~0x80000000L,
    C_ABOVE_INT = 0x80000000,
    C_FFFFFFFF = 0xFFFFFFFF,
    C_SIZEOF_LONG = sizeof(long),
    C_LONGLONG = (long long)-1
};

enum ALL_ONES { ALL_ONES_64 = 0xFFFFFFFFFFFFFFFF };
enum WIDE { WIDE_MAX = 0x7FFFFFFFFFFFFFFFi64, WIDE_MIN = -0x7FFFFFFFFFFFFFFFLL - 1 };

enum { ANON_FIRST = 21 };

enum REFS {
    R_FROM_MIDL = MS_C + 10,
    R_FROM_MACRO = MY_BASE | 1,
    R_FLAG = MY_FLAG(4),
    R_ANON = ANON_FIRST * 2
};

typedef enum VERSIONED {
    V_ALWAYS = 1,
#if (NTDDI_VERSION >= NTDDI_WIN10_RS2)
    V_NEW = 2,
#else
    V_OLD = 3,
#endif
#ifdef __midl
    V_MIDL = 4,
#endif
    V_LAST
} VERSIONED, *PVERSIONED;

#ifdef __midl
typedef [v1_enum] enum _TWO_HEADS {
#else
typedef enum _TWO_HEADS {
#endif
    TH_A = 1,
    TH_B
} TWO_HEADS;

typedef enum _FIXED : BYTE { FIXED_A = 0x7F, FIXED_B } FIXED;
enum FIXED_DWORD : DWORD { FD_M1 = -1 };

#ifdef __cplusplus
enum CPP_ONLY { CPP_A };
#endif

struct HOLDER {
    enum NESTED { NESTED_A = 3 } kind;
};

typedef enum { } EMPTY_ENUM;

#endif
";

        private const string LaterHeader = @"
enum LATER {
    LATER_A = MS_C + MY_BASE,
    LATER_B = MY_FLAG(2) | R_FLAG
};
";

        private readonly ITestOutputHelper _output;

        public OracleSelfTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void Hand_written_headers_evaluate_as_msvc_x64_would()
        {
            OracleResult result = EvaluateText(RulesHeader, LaterHeader);
            foreach (string failure in result.Failures)
            {
                _output.WriteLine("failure: " + failure);
            }

            OracleEnum midl = Single(result, "MIDL_STYLE");
            Assert.Equal(new[] { "MIDL_STYLE" }, midl.TypedefNames);
            Assert.Equal(LineOf(RulesHeader, "enum MIDL_STYLE"), midl.Line); // the line of 'enum', not of 'typedef'
            AssertMembers(midl, ("MS_A", 0), ("MS_B", 1), ("MS_C", 1));

            OracleEnum literals = Single(result, "_LITERALS");
            Assert.Equal(new[] { "LITERALS", "PLITERALS" }, literals.TypedefNames);
            AssertMembers(literals, ("L_HEX", 31), ("L_OCT", 15), ("L_DEC_U", 42), ("L_LONG", 7), ("L_ULONG", 8), ("L_I64", 9), ("L_NEG", -5), ("L_NEG_HEX", -16));

            // long is 32-bit, as on MSVC x64: under LP64 C_LONG_BIG would be 4294967295, C_ULONG_M1 and C_NOT0UL
            // 2^64-1, C_L_SHIFT31 +2^31, C_NOT_L -2^31-1 and sizeof(long) 8.
            AssertMembers(
                Single(result, "CASTS"),
                ("C_DWORD_M1", 4294967295),
                ("C_LONG_BIG", -1),
                ("C_ULONG_M1", 4294967295),
                ("C_LONG_INT", 4294967294),
                ("C_LONG_TYPEDEF", -2147467259),
                ("C_HRESULT", -2147024891),
                ("C_SHIFT31", -2147483648),
                ("C_L_SHIFT31", -2147483648),
                ("C_NOT0", -1),
                ("C_NOT0UL", 4294967295),
                ("C_NOT_L", 0x7FFFFFFF),
                ("C_ABOVE_INT", 0x80000000),
                ("C_FFFFFFFF", 0xFFFFFFFF),
                ("C_SIZEOF_LONG", 4),
                ("C_LONGLONG", -1));

            Assert.Equal(BigInteger.Parse("18446744073709551615"), Single(result, "ALL_ONES").Members.Single().Value);
            AssertMembers(Single(result, "WIDE"), ("WIDE_MAX", long.MaxValue), ("WIDE_MIN", long.MinValue));
            AssertMembers(Single(result, "REFS"), ("R_FROM_MIDL", 11), ("R_FROM_MACRO", 257), ("R_FLAG", 16), ("R_ANON", 42));

            // The newest branch, and not the MIDL one.
            OracleEnum versioned = Single(result, "VERSIONED");
            Assert.Equal(new[] { "VERSIONED", "PVERSIONED" }, versioned.TypedefNames);
            AssertMembers(versioned, ("V_ALWAYS", 1), ("V_NEW", 2), ("V_LAST", 3));

            OracleEnum twoHeads = Single(result, "_TWO_HEADS");
            Assert.Equal(new[] { "TWO_HEADS" }, twoHeads.TypedefNames);
            AssertMembers(twoHeads, ("TH_A", 1), ("TH_B", 2));

            AssertMembers(Single(result, "_FIXED"), ("FIXED_A", 0x7F), ("FIXED_B", 0x80));
            AssertMembers(Single(result, "FIXED_DWORD"), ("FD_M1", 4294967295));
            AssertMembers(Single(result, "NESTED"), ("NESTED_A", 3));

            OracleEnum anonymous = Assert.Single(result.Enums, e => e.IsAnonymous);
            AssertMembers(anonymous, ("ANON_FIRST", 21));
            Assert.Empty(Single(result, "EMPTY_ENUM").Members);

            // The second header sees the first one's members and macros.
            OracleEnum later = Single(result, "LATER");
            Assert.EndsWith("later.h", later.HeaderPath, StringComparison.Ordinal);
            AssertMembers(later, ("LATER_A", 257), ("LATER_B", 20));

            // C++ only: not compiled, and said why.
            string cpp = Assert.Single(result.Failures);
            Assert.Contains("enum CPP_ONLY: " + CCompilerOracle.Inactive + ": #ifdef __cplusplus", cpp, StringComparison.Ordinal);
            Assert.DoesNotContain(result.Enums, e => e.Tag == "CPP_ONLY");
        }

        [Fact]
        public void Errors_cost_the_enum_not_the_header()
        {
            const string header = @"
enum GOOD_BEFORE { GB_A = 1 };
enum BAD { BAD_A = UNDEFINED_THING + 1 };
enum DEPENDS_ON_BAD { DB_A = BAD_A };
#if BROKEN_CALL(1)
enum IN_BROKEN_IF { IB_A };
#endif
enum GOOD_AFTER { GA_A = GB_A + 1 };
";
            OracleResult result = EvaluateText(header);
            foreach (string failure in result.Failures)
            {
                _output.WriteLine(failure);
            }

            AssertMembers(Single(result, "GOOD_BEFORE"), ("GB_A", 1));
            AssertMembers(Single(result, "GOOD_AFTER"), ("GA_A", 2));
            Assert.Equal(2, result.Enums.Count);
            Assert.Contains(result.Failures, f => f.Contains("enum BAD: " + CCompilerOracle.DoesNotCompile, StringComparison.Ordinal) && f.Contains("UNDEFINED_THING", StringComparison.Ordinal));
            Assert.Contains(result.Failures, f => f.Contains("enum DEPENDS_ON_BAD: " + CCompilerOracle.DoesNotCompile, StringComparison.Ordinal) && f.Contains("BAD_A", StringComparison.Ordinal));
            Assert.Contains(result.Failures, f => f.Contains(CCompilerOracle.PreprocessorError + ": #if BROKEN_CALL(1)", StringComparison.Ordinal));
            Assert.Contains(result.Failures, f => f.Contains("enum IN_BROKEN_IF: " + CCompilerOracle.Inactive, StringComparison.Ordinal));
        }

        [Fact]
        public void Tapi3if_h()
        {
            string path = SdkHeaders.Find("tapi3if.h");
            Assert.Equal("Tapi3if.h", Path.GetFileName(path));
            var stopwatch = Stopwatch.StartNew();
            OracleResult result = CCompilerOracle.Evaluate(new[] { path });
            _output.WriteLine($"{result.Enums.Count} enums, {result.Failures.Count} failures, {stopwatch.Elapsed.TotalSeconds:0.0} s");
            Assert.Empty(result.Failures);

            // typedef / enum ADDRESS_EVENT { ... AE_MSGWAITOFF = ( AE_MSGWAITON + 1 ), AE_LASTITEM = AE_MSGWAITOFF } ADDRESS_EVENT;
            OracleEnum addressEvent = Single(result, "ADDRESS_EVENT");
            Assert.Equal(700, addressEvent.Line);
            Assert.Equal(new[] { "ADDRESS_EVENT" }, addressEvent.TypedefNames);
            Assert.Equal(10, addressEvent.Members.Count);
            Assert.Equal(8, Value(addressEvent, "AE_MSGWAITOFF"));
            Assert.Equal(8, Value(addressEvent, "AE_LASTITEM"));

            AssertMembers(Single(result, "TAPI_TONEMODE"), ("TTM_RINGBACK", 2), ("TTM_BUSY", 4), ("TTM_BEEP", 8), ("TTM_BILLING", 16));
            OracleEnum tapiEvent = Single(result, "TAPI_EVENT");
            Assert.Equal(26, tapiEvent.Members.Count);
            Assert.Equal(0x2000000, Value(tapiEvent, "TE_PHONEDEVSPECIFIC"));
            Assert.Equal(24, Value(Single(result, "CALLINFO_LONG"), "CIL_MONITORMEDIAMODES"));
            OracleEnum fileTerminal = Single(result, "FT_STATE_EVENT_CAUSE");
            Assert.Equal(6122, fileTerminal.Line);
            Assert.Equal(3, Value(fileTerminal, "FTEC_WRITE_ERROR"));

            // The whole header: every enum there is named, typedef'd, and in the C compile.
            Assert.Equal(43, result.Enums.Count);
            Assert.All(result.Enums, e => Assert.Equal(new[] { e.Tag! }, e.TypedefNames));
        }

        [Fact]
        public void Sdk_layouts_midl_heads_empty_enums_and_fixed_types()
        {
            OracleResult result = CCompilerOracle.Evaluate(new[]
            {
                SdkHeaders.Find("windot11.h"),
                SdkHeaders.Find("WebServices.h"),
                SdkHeaders.Find("ProofOfPossessionCookieInfo.h"),
                SdkHeaders.Find("minwinbase.h"),
            });

            // #ifdef __midl typedef [v1_enum] enum _DOT11_PHY_TYPE { #else typedef enum _DOT11_PHY_TYPE { #endif
            OracleEnum phy = Single(result, "_DOT11_PHY_TYPE");
            Assert.Equal(new[] { "DOT11_PHY_TYPE", "PDOT11_PHY_TYPE" }, phy.TypedefNames);
            Assert.Equal(77, phy.Line);
            Assert.Equal(0, Value(phy, "dot11_phy_type_any"));
            Assert.Equal(0x80000000, Value(phy, "dot11_phy_type_IHV_start"));
            Assert.Equal(0xFFFFFFFF, Value(phy, "dot11_phy_type_IHV_end"));

            // typedef enum { } WS_XML_BUFFER_PROPERTY_ID;
            Assert.Empty(Single(result, "WS_XML_BUFFER_PROPERTY_ID").Members);
            Assert.Equal(0xC03D0000, Value(Single(result, "WS_EXCEPTION_CODE"), "WS_EXCEPTION_CODE_USAGE_FAILURE"));
            Assert.Equal(-1, Value(Single(result, "WS_TRACE_API"), "WS_TRACE_API_NONE"));

            // typedef enum _PROOF_OF_POSSESSION_FLAGS : DWORD { ... = 0x0000000000000001, } PROOF_OF_POSSESSION_FLAGS;
            AssertMembers(Single(result, "_PROOF_OF_POSSESSION_FLAGS"), ("PROOF_OF_POSSESSION_DEFAULT", 0), ("PROOF_OF_POSSESSION_ALLOW_SILENT_REQUESTS", 1));

            // #if (NTDDI_VERSION >= NTDDI_WIN8), >= NTDDI_WIN10_RS1, >= NTDDI_WIN10_19H1 inside the body: all taken.
            OracleEnum fileInfo = Single(result, "FILE_INFO_BY_HANDLE_CLASS");
            Assert.Equal(178, fileInfo.Line);
            Assert.Equal(26, fileInfo.Members.Count);
            Assert.Equal(23, Value(fileInfo, "FileCaseSensitiveInfo"));
            Assert.Equal(25, Value(fileInfo, "MaximumFileInfoByHandleClass"));

            // Inside #if (NTDDI_VERSION >= NTDDI_WIN11_ZN): there for the newest Windows.
            Assert.Equal(4, Value(Single(result, "FILE_INFO_BY_NAME_CLASS"), "MaximumFileInfoByNameClass"));
        }

        [Fact]
        public void Cascades_longer_than_the_retry_limit_fall_back_to_one_enum_at_a_time()
        {
            // Each retry leaves out one more enum of the chain (E1 fails only once E0 is gone, ...): past the limit the
            // rest are tried one at a time, so GOOD still gets its values and each link still gets a reason.
            var header = new System.Text.StringBuilder("enum E0 { A0 = NO_SUCH_NAME };\n");
            for (int i = 1; i < 25; i++)
            {
                header.Append($"enum E{i} {{ A{i} = A{i - 1} + 1 }};\n");
            }

            header.Append("enum GOOD { G = 7 };\n");
            OracleResult result = EvaluateText(header.ToString());
            AssertMembers(Single(result, "GOOD"), ("G", 7));
            Assert.Single(result.Enums);
            Assert.Equal(25, result.Failures.Count);
            Assert.Contains(result.Failures, f => f.Contains("enum E24: " + CCompilerOracle.DoesNotCompile + " (on its own", StringComparison.Ordinal));
        }

        [Fact]
        public void Find_ignores_case()
        {
            Assert.Equal(SdkHeaders.Find("Tapi3if.h"), SdkHeaders.Find("TAPI3IF.H"));
            Assert.Equal(Path.Combine(SdkHeaders.Shared, "winapifamily.h"), SdkHeaders.Find("WinApiFamily.h"));
            Assert.Null(SdkHeaders.TryFind("no-such-header.h"));
            Assert.Throws<FileNotFoundException>(() => SdkHeaders.Find("no-such-header.h"));
        }

        /// <summary>
        /// Every .h of um/ and shared/, in one call, ordered so that a header comes after those it includes. Opt-in
        /// (a few minutes): TAPIGEN_HEADER_SCALE=1.
        /// </summary>
        [Fact]
        public void Every_sdk_header_at_scale()
        {
            if (Environment.GetEnvironmentVariable("TAPIGEN_HEADER_SCALE") != "1")
            {
                _output.WriteLine("NOT RUN: the oracle over every SDK header takes minutes; set TAPIGEN_HEADER_SCALE=1 to run it.");
                return;
            }

            List<string> headers = SdkHeaders.IncludeOrder(
                Directory.EnumerateFiles(SdkHeaders.Shared).Concat(Directory.EnumerateFiles(SdkHeaders.Um))
                    .Where(f => f.EndsWith(".h", StringComparison.OrdinalIgnoreCase))
                    .OrderBy(f => f, StringComparer.Ordinal)
                    .ToList());
            var stopwatch = Stopwatch.StartNew();
            OracleResult result = CCompilerOracle.Evaluate(headers);
            stopwatch.Stop();

            int named = result.Enums.Count(e => !e.IsAnonymous);
            int members = result.Enums.Sum(e => e.Members.Count);
            int failedEnums = result.Failures.Count(f => f.Contains("): enum ", StringComparison.Ordinal));
            _output.WriteLine($"{headers.Count} headers in {stopwatch.Elapsed.TotalSeconds:0} s");
            _output.WriteLine($"evaluated: {result.Enums.Count} enums ({named} named, {result.Enums.Count - named} anonymous), {members} members");
            _output.WriteLine($"not evaluated: {failedEnums} enums; {result.Failures.Count - failedEnums} other notes (directives gcc rejected, whole headers)");
            foreach (var kind in result.Failures.GroupBy(Kind).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
            {
                _output.WriteLine($"  {kind.Count(),5}  {kind.Key}");
            }

            _output.WriteLine("top reasons:");
            foreach (var reason in result.Failures.GroupBy(Reason).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(25))
            {
                _output.WriteLine($"  {reason.Count(),5}  {reason.Key}");
            }

            _output.WriteLine("every reason but inactive, with its first case:");
            foreach (var reason in result.Failures.Where(f => Kind(f) != CCompilerOracle.Inactive).GroupBy(Reason).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
            {
                _output.WriteLine($"  {reason.Count(),5}  {reason.First().Replace(SdkHeaders.Include + Path.DirectorySeparatorChar, "", StringComparison.Ordinal)}");
            }

            Assert.DoesNotContain(result.Failures, f => Kind(f) == CCompilerOracle.HeaderFailed);
            Assert.True(result.Enums.Count > 5000, "too few enums evaluated: " + result.Enums.Count);
            Assert.Contains(result.Enums, e => e.Tag == "ADDRESS_EVENT" && e.Members.Single(m => m.Name == "AE_LASTITEM").Value == 8);
        }

        /// <summary>The reason kind: inactive, does not compile, ...</summary>
        private static string Kind(string failure)
        {
            string reason = ReasonText(failure);
            int colon = reason.IndexOf(':');
            string kind = colon < 0 ? reason : reason.Substring(0, colon);
            return kind.EndsWith(" (with the header)", StringComparison.Ordinal) ? kind.Substring(0, kind.Length - 18) : kind;
        }

        /// <summary>The reason with names, numbers and lines taken out, so that alike reasons count together.</summary>
        private static string Reason(string failure)
        {
            string reason = ReasonText(failure);
            reason = Regex.Replace(reason, @"\(line \d+\)", "(line N)");
            reason = Regex.Replace(reason, "'[^']*'", "'…'");
            return reason.Length > 140 ? reason.Substring(0, 140) + "…" : reason;
        }

        private static string ReasonText(string failure)
        {
            // path(line): enum NAME: reason | path(line): reason | path: reason
            Match match = Regex.Match(failure, @"^.*?\.[hH](?:\(\d+\))?: (?:enum [^:]*: )?(?<reason>.*)$");
            return match.Success ? match.Groups["reason"].Value : failure;
        }

        /// <summary>Headers after the headers they #include (those in the list), else in the given order.</summary>
        private OracleResult EvaluateText(params string[] headers)
        {
            string dir = Path.Combine(Path.GetTempPath(), "tapigen-oracle-test-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            try
            {
                var paths = new List<string>();
                for (int i = 0; i < headers.Length; i++)
                {
                    string path = Path.Combine(dir, i == 0 ? "rules.h" : i == 1 ? "later.h" : $"h{i}.h");
                    File.WriteAllText(path, headers[i].TrimStart('\r', '\n'));
                    paths.Add(path);
                }

                return CCompilerOracle.Evaluate(paths);
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }

        private static OracleEnum Single(OracleResult result, string name)
        {
            List<OracleEnum> found = result.Enums.Where(e => e.Tag == name || e.TypedefNames.Contains(name)).ToList();
            Assert.True(found.Count == 1, $"{found.Count} enums called {name}; failures:\n" + string.Join("\n", result.Failures));
            return found[0];
        }

        /// <summary>The 1-based line of <paramref name="text"/> in a header written by <see cref="EvaluateText"/>.</summary>
        private static int LineOf(string header, string text)
        {
            string[] lines = header.TrimStart('\r', '\n').Split('\n');
            return Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal)) + 1;
        }

        private static BigInteger Value(OracleEnum e, string member) => e.Members.Single(m => m.Name == member).Value;

        private static void AssertMembers(OracleEnum e, params (string Name, BigInteger Value)[] expected)
        {
            Assert.Equal(
                expected.Select(x => $"{x.Name} = {x.Value}"),
                e.Members.Select(m => $"{m.Name} = {m.Value}"));
        }
    }
}
