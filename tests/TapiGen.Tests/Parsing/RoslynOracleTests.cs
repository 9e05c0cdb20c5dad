using System;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using TapiGen.Generator.Model;
using TapiGen.Generator.Parsing;
using Xunit;

namespace TapiGen.Tests.Parsing
{
    /// <summary>
    /// The core does without Roslyn; where it does what Roslyn does, Roslyn is the oracle: identifiers and keywords
    /// (SyntaxFacts), and lines and their offsets (SourceText), so diagnostics point where an editor shows.
    /// </summary>
    public class RoslynOracleTests
    {
        [Fact]
        public void Every_UTF16_unit_starts_and_continues_an_identifier_as_in_CSharp_formatting_characters_apart()
        {
            for (int i = 0; i <= char.MaxValue; i++)
            {
                char c = (char)i;
                bool format = CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;
                Assert.True(SyntaxFacts.IsValidIdentifier(c.ToString()) == Identifiers.IsValid(c.ToString()), "start U+" + i.ToString("X4", CultureInfo.InvariantCulture));
                Assert.True((SyntaxFacts.IsValidIdentifier("a" + c) && !format) == Identifiers.IsValid("a" + c), "part U+" + i.ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        [Fact]
        public void Reserved_keywords_and_only_they_are_escaped()
        {
            foreach (SyntaxKind kind in SyntaxFacts.GetReservedKeywordKinds())
            {
                string keyword = SyntaxFacts.GetText(kind);
                Assert.Equal("@" + keyword, Identifiers.Escape(keyword));
            }

            foreach (SyntaxKind kind in SyntaxFacts.GetContextualKeywordKinds())
            {
                string keyword = SyntaxFacts.GetText(kind);
                Assert.Equal(keyword, Identifiers.Escape(keyword));
            }

            Assert.Equal("@__arglist", Identifiers.Escape("__arglist"));
            Assert.Equal("CALL_STATE", Identifiers.Escape("CALL_STATE"));
        }

        [Theory]
        [InlineData("")]
        [InlineData("a")]
        [InlineData("a\n")]
        [InlineData("a\r\nb\rc\nd")]
        [InlineData("\r\r\n\n\u0085x\u2028y\u2029")]
        [InlineData("\n\r")]
        [InlineData("no break at all, \t tabs and \v vertical tab and \f form feed")]
        public void Lines_split_where_SourceText_splits_them(string text) => AssertSameLines(text);

        [Fact]
        public void Random_texts_split_where_SourceText_splits_them()
        {
            var random = new Random(20261201);
            const string alphabet = "ab \t\r\n\u0085\u2028\u2029\v\f\u00A0é";
            for (int n = 0; n < 2000; n++)
            {
                var sb = new StringBuilder();
                int length = random.Next(0, 40);
                for (int i = 0; i < length; i++)
                {
                    sb.Append(alphabet[random.Next(alphabet.Length)]);
                }

                AssertSameLines(sb.ToString());
            }
        }

        private static void AssertSameLines(string text)
        {
            TextLineCollection expected = SourceText.From(text).Lines;
            TextLines actual = TextLines.Of(text);
            Assert.Equal(expected.Count, actual.Count);
            for (int i = 0; i < expected.Count; i++)
            {
                Assert.Equal(expected[i].Start, actual.Start(i));
                Assert.Equal(expected[i].ToString(), actual[i]);
            }
        }
    }
}
