using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Microsoft.CodeAnalysis;
using TapiGen.Tests.Corpus;
using TapiGen.Tests.Infrastructure;
using Xunit;

namespace TapiGen.Tests.Headers
{
    /// <summary>Each header diagnostic: id, severity, the file, line and column it points at, and what is generated.</summary>
    public class HeaderDiagnosticsTests
    {
        private const string HeaderPath = "/headers/h.h";

        private static TestManifest Header(string text)
            => new TestManifest(HeaderPath, text, IsManifest: false, Metadata: new Dictionary<string, string> { ["TapiGenHeader"] = "true" });

        private static (GeneratorDriverRunResult Result, Dictionary<string, BigInteger>? Values) Run(TestManifest page, string header, string? mode = null)
        {
            if (mode is not null)
            {
                page = page.WithMetadata("HeaderValues", mode);
            }

            GeneratorDriverRunResult result = GeneratorHarness.Run(page, Header(header));
            bool generated = !result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
            return (result, generated ? LoadedEnums.Values(LoadedEnums.Load(result, "E")) : null);
        }

        private static Diagnostic Single(GeneratorDriverRunResult result, string id, DiagnosticSeverity severity, string path, int line, int column)
        {
            Diagnostic d = Assert.Single(result.Diagnostics, x => x.Id == id);
            Assert.Equal(severity, d.Severity);
            FileLinePositionSpan span = d.Location.GetLineSpan();
            Assert.Equal((path, line, column), (span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
            return d;
        }

        [Theory]
        [InlineData("test.h", "TG0033")] // the header the page names was not read: it is blamed
        [InlineData("other.h", "TG0032")] // another header was not read: the page's own is the one to list
        public void An_unread_header_is_blamed_only_when_it_may_be_the_pages(string unreadName, string expected)
        {
            var unread = new TestManifest("/headers/" + unreadName, new string(' ', TapiGen.Generator.Parsing.Limits.MaxFileChars + 1), IsManifest: false, Metadata: new Dictionary<string, string> { ["TapiGenHeader"] = "true" });
            TestManifest page = TestManifests.Inline("E", "A:1", "B:2");
            page = page with { Text = page.Text.Replace("title: E (test.h)\n", "title: E (test.h)\nreq.header: test.h\n") };
            Assert.Contains("req.header: test.h", page.Text);
            GeneratorDriverRunResult result = GeneratorHarness.Run(page, unread);
            Diagnostic d = Assert.Single(result.Diagnostics, x => x.Id is "TG0032" or "TG0033");
            Assert.Equal(expected, d.Id);
            if (expected == "TG0033")
            {
                Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
                Assert.Equal(("/headers/test.h", 0), (d.Location.GetLineSpan().Path, d.Location.GetLineSpan().StartLinePosition.Line));
                Assert.Contains("it was not read (it has 8,388,609 characters, over TapiGen's limit of 8,388,608 characters) and may declare 'E'; list a smaller header that declares it", d.GetMessage());
            }
            else
            {
                Assert.Contains("'test.h', the header the page names", d.GetMessage());
            }
        }

        [Fact]
        public void TG0028_a_differing_value_uses_the_header_and_says_both_values()
        {
            var (result, values) = Run(TestManifests.Inline("E", "A:1", "B:2"), "typedef enum E {\n  A = 1,\n  B = 3\n} E;\n");
            Diagnostic d = Single(result, "TG0028", DiagnosticSeverity.Warning, "/manifests/e.md", TestManifests.InlineHeadingLine(1), 14);
            Assert.Contains("'B' is 2 on the page but 3 in h.h line 3", d.GetMessage());
            Assert.Contains("uses the header's value", d.GetMessage());
            Assert.Equal(3, values!["B"]);
        }

        [Fact]
        public void TG0028_with_HeaderValues_Check_keeps_the_page_value()
        {
            var (result, values) = Run(TestManifests.Inline("E", "A:1", "B:2"), "typedef enum E { A = 1, B = 3 } E;", "Check");
            Diagnostic d = Single(result, "TG0028", DiagnosticSeverity.Warning, "/manifests/e.md", TestManifests.InlineHeadingLine(1), 14);
            Assert.Contains("value B = 3", d.GetMessage());
            Assert.Equal(2, values!["B"]);
        }

        [Fact]
        public void TG0028_a_page_value_that_cannot_be_read_is_not_fatal_when_the_header_has_it()
        {
            var (result, values) = Run(TestManifests.Inline("E", "A:1", "B:="), "typedef enum E { A = 1, B = 0x7 } E;");
            Assert.DoesNotContain(result.Diagnostics, d => d.Id == "TG0006");
            Assert.Contains("empty on the page but 7", Single(result, "TG0028", DiagnosticSeverity.Warning, "/manifests/e.md", TestManifests.InlineHeadingLine(1), 14).GetMessage());
            Assert.Equal(7, values!["B"]);
        }

        [Fact]
        public void TG0029_a_member_only_in_the_header_is_generated_with_a_note()
        {
            var (result, values) = Run(TestManifests.Inline("E", "A:1"), "typedef enum E { A = 1, NEWER } E;");
            Diagnostic d = Single(result, "TG0029", DiagnosticSeverity.Info, "/manifests/e.md", TestManifests.InlineHeadingLine(0), 12);
            Assert.Contains("'NEWER' is declared in h.h line 1", d.GetMessage());
            Assert.Equal(2, values!["NEWER"]);
            Assert.Contains("the documentation page does not describe it", result.GeneratedTrees.Single(t => t.FilePath.EndsWith("E.g.cs", System.StringComparison.Ordinal)).ToString());
        }

        [Fact]
        public void TG0030_with_HeaderValues_Check_a_missing_member_is_a_warning_and_not_added()
        {
            var (result, values) = Run(TestManifests.Inline("E", "A:1"), "typedef enum E { A = 1, NEWER } E;", "Check");
            Assert.Contains("add NEWER = 2", Single(result, "TG0030", DiagnosticSeverity.Warning, "/manifests/e.md", TestManifests.InlineHeadingLine(0), 12).GetMessage());
            Assert.False(values!.ContainsKey("NEWER"));
        }

        [Fact]
        public void TG0031_a_member_only_on_the_page_keeps_its_value_and_its_place()
        {
            var (result, values) = Run(TestManifests.Inline("E", "A:1", "PAGE_ONLY:5", "B:2"), "typedef enum E { A = 1, B = 2 } E;");
            Assert.Contains("keeps the page's value 5", Single(result, "TG0031", DiagnosticSeverity.Warning, "/manifests/e.md", TestManifests.InlineHeadingLine(1), 12).GetMessage());
            Assert.Equal(new[] { "A", "PAGE_ONLY", "B" }, values!.Keys.ToArray());
        }

        [Fact]
        public void TG0032_an_enum_in_no_listed_header_is_an_info()
        {
            var (result, _) = Run(TestManifests.Inline("E", "A:1"), "typedef enum OTHER { X } OTHER;");
            Assert.Contains("none of the 1 listed headers declares 'E'", Single(result, "TG0032", DiagnosticSeverity.Info, "/manifests/e.md", TestManifests.InlineHeadingLine(0), 12).GetMessage());
        }

        [Fact]
        public void TG0033_what_the_header_cannot_evaluate_is_a_warning_in_the_header_and_the_page_is_used()
        {
            var (result, values) = Run(TestManifests.Inline("E", "A:1", "B:2"), "typedef enum E {\n  A = 1,\n  B = sizeof(int)\n} E;\n");
            Diagnostic d = Single(result, "TG0033", DiagnosticSeverity.Warning, HeaderPath, 3, 7);
            Assert.Contains("'sizeof' depends on type layouts", d.GetMessage());
            Assert.Contains("generated from the page alone", d.GetMessage());
            Assert.Equal(2, values!["B"]);
        }

        [Fact]
        public void A_verified_enum_drops_the_warnings_a_header_settles_and_HeaderValues_Off_keeps_them()
        {
            TestManifest page = TestManifests.Inline("E", "A", "B");
            var (verified, values) = Run(page, "typedef enum E { A = 1, B = 4 } E;");
            Assert.DoesNotContain(verified.Diagnostics, d => d.Id == "TG0019");
            Assert.Equal(4, values!["B"]);

            var (off, offValues) = Run(page, "typedef enum E { A = 1, B = 4 } E;", "Off");
            Assert.Contains(off.Diagnostics, d => d.Id == "TG0019");
            Assert.DoesNotContain(off.Diagnostics, d => d.Id.CompareTo("TG0028") >= 0 && d.Id.CompareTo("TG0033") <= 0);
            Assert.Equal(1, offValues!["B"]);
        }

        [Fact]
        public void A_sub_heading_the_header_declares_becomes_a_member_with_its_text()
        {
            string text = "# E enumeration\n\n## -enum-fields\n\n### -field E_FIRST\n\nFirst.\n\n#### - E_SECOND\n\nThe second, as a sub-heading.\n";
            var (result, values) = Run(new TestManifest("/manifests/e.md", text), "typedef enum E { E_FIRST, E_SECOND } E;");
            Assert.DoesNotContain(result.Diagnostics, d => d.Id == "TG0011");
            Assert.Contains("sub-heading", Single(result, "TG0029", DiagnosticSeverity.Info, "/manifests/e.md", 9, 8).GetMessage());
            Assert.Equal(1, values!["E_SECOND"]);
            Assert.Contains("The second, as a sub-heading.", result.GeneratedTrees.Single(t => t.FilePath.EndsWith("E.g.cs", System.StringComparison.Ordinal)).ToString());
        }

        [Theory]
        [InlineData("Use")]
        [InlineData("check")]
        [InlineData("OFF")]
        public void HeaderValues_takes_its_three_values_in_any_case(string mode)
        {
            var (result, _) = Run(TestManifests.Inline("E", "A:1"), "typedef enum E { A = 1 } E;", mode);
            Assert.DoesNotContain(result.Diagnostics, d => d.Id == "TG0018");
        }

        [Fact]
        public void A_bad_HeaderValues_is_TG0018()
        {
            var (result, _) = Run(TestManifests.Inline("E", "A:1"), "typedef enum E { A = 1 } E;", "Maybe");
            Assert.Contains("Use, Check, Off", Assert.Single(result.Diagnostics, d => d.Id == "TG0018").GetMessage());
        }
    }
}
