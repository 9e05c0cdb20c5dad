using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Threading;
using TapiGen.Generator.Model;
using TapiGen.Generator.Parsing.Headers;
using Xunit;

namespace TapiGen.Tests.Headers
{
    /// <summary>The C header reader and evaluator on small hand-written headers: each construct the SDK uses.</summary>
    public class HeaderReaderTests
    {
        private static HeaderIndex Index(params (string Path, string Text)[] headers)
            => new HeaderIndex(headers
                .Select(h => HeaderReader.Read(new HeaderFile(h.Path, h.Text, h.Text.Length), CancellationToken.None))
                .OrderBy(h => h.Path, System.StringComparer.Ordinal)
                .ToEquatableArray());

        private static Dictionary<string, BigInteger> Values(string text, string name, params (string Path, string Text)[] others)
        {
            HeaderLookup lookup = Index(new[] { ("/h/test.h", text) }.Concat(others).ToArray()).Find(name, CancellationToken.None);
            Assert.True(lookup.Enum is not null, "not evaluated: " + string.Join("; ", lookup.Problems.Select(p => p.Message + " at " + (p.Line + 1) + ":" + (p.Column + 1))));
            return lookup.Enum!.Members.ToDictionary(m => m.Name, m => m.Value);
        }

        private static HeaderProblem Problem(string text, string name)
        {
            HeaderLookup lookup = Index(("/h/test.h", text)).Find(name, CancellationToken.None);
            Assert.Null(lookup.Enum);
            return Assert.Single(lookup.Problems);
        }

        [Fact]
        public void MIDL_style_counting_and_references()
        {
            const string text = @"
typedef /* [public] */
enum ADDRESS_EVENT
    {
        AE_STATE	= 0,
        AE_CAPSCHANGE	= ( AE_STATE + 1 ) ,
        AE_MSGWAITOFF	= ( AE_CAPSCHANGE + 1 ) ,
        AE_LASTITEM	= AE_MSGWAITOFF
    } 	ADDRESS_EVENT;
";
            var values = Values(text, "ADDRESS_EVENT");
            Assert.Equal(new BigInteger[] { 0, 1, 2, 2 }, values.Values.ToArray());
            HeaderEnum e = Index(("/h/test.h", text)).Find("ADDRESS_EVENT", CancellationToken.None).Enum!;
            Assert.Equal(ValueStyle.Reference, e.Members[3].Style);
            Assert.Equal("AE_MSGWAITOFF", e.Members[3].Reference);
            Assert.Equal(7, e.Members[3].Line);
        }

        [Fact]
        public void Literals_suffixes_casts_and_operators_evaluate_as_C_does()
        {
            const string text = @"
typedef enum _FLAGS {
    F_OCT = 010,
    F_HEX = 0x10u,
    F_BIG = 0xFFFFFFFF,
    F_NEG = -5,
    F_SHIFT = 1 << 31,
    F_NOT = ~0,
    F_NOTU = ~0u,
    F_CAST = (DWORD)-1,
    F_LONG = (long)0x80000000,
    F_AND = 0xFF & ~0x0F,
    F_RSHIFT = 0x80 >> 3,
    F_SUB = 10 - 3 * 2,
    F_DIV = -7 / 2,
    F_MOD = -7 % 2,
    F_XOR = 5 ^ 3,
    F_CHAR = 'A',
    F_FOURCC = 'abcd',
    F_TERNARY = 1 ? 2 : 3,
    F_NEXT,
    F_I64 = 0x100000000i64
} FLAGS, *PFLAGS;
";
            var v = Values(text, "FLAGS");
            Assert.Equal(8, v["F_OCT"]);
            Assert.Equal(16, v["F_HEX"]);
            Assert.Equal(4294967295, v["F_BIG"]);
            Assert.Equal(-5, v["F_NEG"]);
            Assert.Equal(-2147483648, v["F_SHIFT"]);
            Assert.Equal(-1, v["F_NOT"]);
            Assert.Equal(4294967295, v["F_NOTU"]);
            Assert.Equal(4294967295, v["F_CAST"]);
            Assert.Equal(-2147483648, v["F_LONG"]);
            Assert.Equal(0xF0, v["F_AND"]);
            Assert.Equal(16, v["F_RSHIFT"]);
            Assert.Equal(4, v["F_SUB"]);
            Assert.Equal(-3, v["F_DIV"]);
            Assert.Equal(-1, v["F_MOD"]);
            Assert.Equal(6, v["F_XOR"]);
            Assert.Equal(65, v["F_CHAR"]);
            Assert.Equal(0x61626364, v["F_FOURCC"]);
            Assert.Equal(2, v["F_TERNARY"]);
            Assert.Equal(3, v["F_NEXT"]);
            Assert.Equal(0x100000000, v["F_I64"]);
        }

        [Fact]
        public void Conditionals_in_a_body_take_the_branch_for_the_newest_Windows()
        {
            const string text = @"
typedef enum COLOR {
    RED,
#if (NTDDI_VERSION >= NTDDI_WIN10_RS2)
    GREEN,
#else
    OLD_GREEN,
#endif
#ifdef __midl
    MIDL_ONLY,
#endif
#if defined(_WIN64) && !defined(__cplusplus)
    WIDE,
#elif 1
    NOT_WIDE,
#endif
#if WINAPI_FAMILY_PARTITION(WINAPI_PARTITION_DESKTOP)
    DESKTOP,
#endif
#if (_WIN32_WINNT < 0x0600)
    ANCIENT,
#endif
    BLUE
} COLOR;
";
            var v = Values(text, "COLOR");
            Assert.Equal(new[] { "RED", "GREEN", "WIDE", "DESKTOP", "BLUE" }, v.Keys.ToArray());
            Assert.Equal(new BigInteger[] { 0, 1, 2, 3, 4 }, v.Values.ToArray());
        }

        [Fact]
        public void Macros_of_the_header_expand_object_and_function_like()
        {
            const string text = @"
#define BASE 0x100
#define MAKE(hi, lo) (((hi) << 8) | (lo))
#define ALIAS BASE
#define WHICH_API_SUPPORTED
#define CAT(a, b) a##b
#define MEMBERS(suffix, value) M_ONE_##suffix = value, M_TWO_##suffix = value
typedef enum MACROS {
    M_PASTED = CAT(0x, 10),
    MEMBERS(X, 7),
    M_BASE = BASE,
    M_MAKE = MAKE(2, 3),
    M_ALIAS = ALIAS + 1,
#ifdef WHICH_API_SUPPORTED
    M_SUPPORTED,
#endif
} MACROS;
";
            var v = Values(text, "MACROS");
            Assert.Equal(0x10, v["M_PASTED"]);
            Assert.Equal(7, v["M_ONE_X"]);
            Assert.Equal(7, v["M_TWO_X"]);
            Assert.Equal(0x100, v["M_BASE"]);
            Assert.Equal(0x203, v["M_MAKE"]);
            Assert.Equal(0x101, v["M_ALIAS"]);
            Assert.Equal(0x102, v["M_SUPPORTED"]);
        }

        [Fact]
        public void Members_of_other_enums_in_other_headers_resolve()
        {
            const string first = "enum A { A_ONE = 1, A_TWO };";
            const string second = "typedef enum B { B_X = A_TWO + 10 } B;";
            var v = Values(second, "B", ("/h/a.h", first));
            Assert.Equal(12, v["B_X"]);
        }

        [Theory]
        [InlineData("tagAR_STATE")]
        [InlineData("AR_STATE")]
        [InlineData("_AR_STATE")]
        public void A_page_name_matches_the_typedef_the_tag_or_either_without_prefix(string pageName)
        {
            const string text = "typedef enum tagAR_STATE { AR_ENABLED = 0, AR_DISABLED = 0x1 } AR_STATE;";
            Assert.Equal(2, Values(text, pageName).Count);
        }

        [Fact]
        public void A_typedef_of_a_tag_names_the_enum()
        {
            const string text = "enum _E { X = 3 };\ntypedef enum _E E_ALIAS;";
            Assert.Equal(3, Values(text, "E_ALIAS")["X"]);
        }

        [Fact]
        public void Include_guards_and_top_level_conditions_are_decided()
        {
            const string text = @"
#ifndef __test_h__
#define __test_h__
#ifdef __cplusplus
enum class CPP_ONLY : int { C1 };
#endif
#ifdef __midl
typedef enum MIDL_ONLY { M1 } MIDL_ONLY;
#else
typedef enum REAL { R1 = 7 } REAL;
#endif
#endif
";
            HeaderParse parse = HeaderReader.Read(new HeaderFile("/h/t.h", text, text.Length), CancellationToken.None);
            HeaderEnumDeclaration real = Assert.Single(parse.Enums);
            Assert.Equal("REAL", real.Tag);
            Assert.Null(real.Uncertain);
        }

        [Fact]
        public void A_declaration_under_an_undecidable_condition_is_kept_and_marked()
        {
            const string text = "#if SOME_MACRO_NOBODY_DEFINES\ntypedef enum X { X1 } X;\n#endif\n";
            HeaderParse parse = HeaderReader.Read(new HeaderFile("/h/t.h", text, text.Length), CancellationToken.None);
            Assert.Equal("#if SOME_MACRO_NOBODY_DEFINES", Assert.Single(parse.Enums).Uncertain);
        }

        [Fact]
        public void An_undecidable_condition_in_a_body_is_a_located_problem_not_a_guess()
        {
            const string text = "typedef enum E {\n    A,\n#if SOME_FEATURE_LEVEL > 2\n    B,\n#endif\n    C\n} E;\n";
            HeaderProblem p = Problem(text, "E");
            Assert.Contains("SOME_FEATURE_LEVEL", p.Message);
            Assert.Contains("list the header that defines it", p.Message);
            Assert.Equal((2, 0), (p.Line, p.Column));
        }

        [Theory]
        [InlineData("typedef enum E { A = UNKNOWN_NAME } E;", "UNKNOWN_NAME", 0, 21)]
        [InlineData("typedef enum E { A = sizeof(int) } E;", "sizeof", 0, 21)]
        [InlineData("typedef enum E { A = 1 / 0 } E;", "division by zero", 0, 23)]
        [InlineData("typedef enum E { A = 1 << 40 } E;", "shift by 40", 0, 23)]
        [InlineData("typedef enum E { A = 08 } E;", "octal", 0, 21)]
        [InlineData("#define STR(a) #a\ntypedef enum E { A = STR(1) } E;", "makes a string", 1, 21)]
        [InlineData("#define GLUE(a, b) a##b\ntypedef enum E { A = GLUE(+, -) } E;", "not one token", 1, 21)]
        [InlineData("typedef enum E { A DEPRECATED(\"x\") = 1 } E;", "followed by 'DEPRECATED'", 0, 19)]
        [InlineData("typedef enum E { A, A } E;", "twice", 0, 20)]
        [InlineData("typedef enum E { A = (1 } E;", "')'", 0, 22)]
        public void What_cannot_be_evaluated_is_a_located_problem(string text, string expected, int line, int column)
        {
            HeaderProblem p = Problem(text, "E");
            Assert.Contains(expected, p.Message);
            Assert.Equal((line, column), (p.Line, p.Column));
        }

        [Fact]
        public void Two_headers_that_agree_are_one_enum_and_two_that_differ_are_a_problem()
        {
            const string a = "typedef enum E { X = 1 } E;";
            Assert.Equal(1, Index(("/h/a.h", a), ("/h/b.h", a)).Find("E", CancellationToken.None).Enum!.Members.Single().Value);
            HeaderLookup differ = Index(("/h/a.h", a), ("/h/b.h", "typedef enum E { X = 2 } E;")).Find("E", CancellationToken.None);
            Assert.Null(differ.Enum);
            Assert.Contains("different members", Assert.Single(differ.Problems).Message);
        }

        [Fact]
        public void An_enum_in_no_header_is_not_found_and_no_headers_is_no_lookup()
        {
            HeaderLookup none = Index(("/h/a.h", "enum A { X };")).Find("OTHER", CancellationToken.None);
            Assert.Null(none.Enum);
            Assert.Empty(none.Problems);
            Assert.Equal(1, none.HeaderCount);
            Assert.Equal(0, HeaderIndex.Empty.Find("OTHER", CancellationToken.None).HeaderCount);
        }

        [Theory]
        [InlineData("")]
        [InlineData("enum")]
        [InlineData("enum E {")]
        [InlineData("typedef enum E { A = (((((((((((((((((((((((((((((( } E;")]
        [InlineData("#if\n#elif\n#else\n#endif\n#endif\n#else")]
        [InlineData("#define F(x x\nenum E { A = F(1) };")]
        [InlineData("#define R R\nenum E { A = R };")]
        [InlineData("/* never closed")]
        [InlineData("\"never closed\nenum E { A = 'x };")]
        public void Broken_headers_never_throw(string text)
        {
            HeaderIndex index = Index(("/h/broken.h", text));
            _ = index.Find("E", CancellationToken.None);
            _ = index.EvaluateAll().ToList();
        }
    }
}
