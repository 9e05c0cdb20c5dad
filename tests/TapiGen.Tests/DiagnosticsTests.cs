using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using TapiGen.Tests.Infrastructure;
using Xunit;

namespace TapiGen.Tests
{
    /// <summary>Each diagnostic: its id, its severity, and the line and column (1-based, as an editor shows them) it points at.</summary>
    public class DiagnosticsTests
    {
        private static Diagnostic Single(TestManifest manifest, string id)
        {
            GeneratorDriverRunResult result = GeneratorHarness.Run(manifest);
            var matching = result.Diagnostics.Where(d => d.Id == id).ToList();
            Assert.True(matching.Count == 1, $"expected one {id}, got: " + string.Join("; ", result.Diagnostics));
            Assert.Equal(manifest.Path, matching[0].Location.GetLineSpan().Path);
            return matching[0];
        }

        private static void AssertAt(Diagnostic diagnostic, int line, int column)
        {
            var start = diagnostic.Location.GetLineSpan().StartLinePosition;
            Assert.Equal((line, column), (start.Line + 1, start.Character + 1));
        }

        private static void AssertNothingGenerated(TestManifest manifest)
            => Assert.Empty(GeneratorHarness.Run(manifest).GeneratedTrees);

        [Fact]
        public void TG0001_no_enum_fields_section()
        {
            var manifest = new TestManifest("/m/none.md", "---\ntitle: X\n---\n\n# X enumeration\n\n## -description\n\nNothing.\n");
            Diagnostic d = Single(manifest, "TG0001");
            Assert.Equal(DiagnosticSeverity.Error, d.Severity);
            AssertAt(d, 1, 1);
            Assert.Contains("none.md", d.GetMessage());
            AssertNothingGenerated(manifest);
        }

        [Theory]
        [InlineData("")]
        [InlineData("\uFEFF\n  \n")]
        public void TG0001_says_when_the_file_is_empty(string text)
        {
            Diagnostic d = Single(new TestManifest("/m/blank.md", text), "TG0001");
            AssertAt(d, 1, 1);
            Assert.StartsWith("Manifest 'blank.md' is empty;", d.GetMessage());
        }

        [Fact]
        public void TG0001_for_a_page_with_an_NE_UID_or_no_UID_at_all()
        {
            // Only another kind of page is skipped; an enum page that lost its fields section is still an error.
            Assert.Equal(DiagnosticSeverity.Error, Single(new TestManifest("/m/ne.md", "---\nUID: NE:tapi3.X\ntitle: X\n---\n\n# X enumeration\n"), "TG0001").Severity);
            Assert.Equal(DiagnosticSeverity.Error, Single(new TestManifest("/m/attribution.md", "# TAPI 3 enum manifests\n\nLicence: CC-BY-4.0.\n"), "TG0001").Severity);
        }

        [Theory]
        [InlineData("\uFEFFNE:tapi3.X")]
        [InlineData("NE\u200B:tapi3.X")]
        public void An_enum_UID_with_an_invisible_character_is_still_an_enum_page_so_a_missing_fields_section_is_an_error(string uid)
        {
            // Not TG0034 (an info, and the page skipped): the page is an enum's, and its members are missing.
            GeneratorDriverRunResult result = GeneratorHarness.Run(new TestManifest("/m/ne.md", "---\nUID: " + uid + "\ntitle: X\n---\n\n# X enumeration\n"));
            Assert.Equal("TG0001", Assert.Single(result.Diagnostics).Id);
        }

        [Theory]
        [InlineData("NF:tapi3if.ITCallInfo.get_CallState")]
        [InlineData("NS:wtypes.DECIMAL")]
        public void TG0034_a_page_of_another_kind_is_skipped_with_an_info_at_its_UID(string uid)
        {
            var manifest = new TestManifest("/m/nf-x.md", "---\ntitle: get_CallState\nUID: " + uid + "\n---\n\n# get_CallState method\n\n## -parameters\n");
            GeneratorDriverRunResult result = GeneratorHarness.Run(manifest, TestManifests.Inline("E", "A"));
            Diagnostic d = Assert.Single(result.Diagnostics, d => d.Id != "TG0019");
            Assert.Equal(("TG0034", DiagnosticSeverity.Info), (d.Id, d.Severity));
            Assert.Equal(manifest.Path, d.Location.GetLineSpan().Path);
            AssertAt(d, 3, 1);
            Assert.Contains("'" + uid + "'", d.GetMessage());
            Assert.Single(result.EnumTrees());
        }

        [Fact]
        public void A_page_with_another_UID_but_a_fields_section_is_still_read()
        {
            var page = TestManifests.Inline("E", "A");
            var manifest = page with { Text = page.Text.Replace("title:", "UID: NS:test.E\ntitle:") };
            GeneratorDriverRunResult result = GeneratorHarness.Run(manifest);
            Assert.DoesNotContain(result.Diagnostics, d => d.Id == "TG0034" || d.Id == "TG0001");
            Assert.Single(result.EnumTrees());
        }

        [Fact]
        public void TG0035_once_when_TapiGen_runs_without_any_TapiEnum_item()
        {
            var notAManifest = new TestManifest("/docs/README.md", "# Readme\n", IsManifest: false);
            Diagnostic d = Assert.Single(GeneratorHarness.Run(notAManifest).Diagnostics);
            Assert.Equal(("TG0035", DiagnosticSeverity.Warning), (d.Id, d.Severity));
            Assert.Equal(Location.None, d.Location);
            Assert.Equal("TG0035", Assert.Single(GeneratorHarness.Run().Diagnostics).Id);
            Assert.DoesNotContain(GeneratorHarness.Run(TestManifests.Inline("E", "A")).Diagnostics, x => x.Id == "TG0035");
        }

        [Fact]
        public void No_TG0035_where_TapiGen_comes_only_through_a_referenced_library()
        {
            var options = new GeneratorHarness.RunOptions(GlobalOptions: new System.Collections.Generic.Dictionary<string, string>
            {
                ["build_property.TapiGenReferencedIndirectly"] = "true",
            });
            Assert.Empty(GeneratorHarness.Run(System.Array.Empty<TestManifest>(), options).Result.Diagnostics);
        }

        [Fact]
        public void TG0002_no_enum_name()
        {
            var manifest = new TestManifest("/m/anon.md", "## -enum-fields\n\n### -field A\n\nA.\n");
            Assert.Equal(DiagnosticSeverity.Error, Single(manifest, "TG0002").Severity);
            AssertNothingGenerated(manifest);
        }

        [Fact]
        public void TG0003_enum_name_not_an_identifier()
        {
            var manifest = new TestManifest("/m/bad.md", "# BAD-NAME enumeration\n\n## -enum-fields\n\n### -field A\n\nA.\n");
            Assert.Contains("BAD-NAME", Single(manifest, "TG0003").GetMessage());
            AssertNothingGenerated(manifest);
        }

        [Theory]
        [InlineData("A-B")]
        [InlineData("1ABC")]
        [InlineData("value__")]
        [InlineData("A\\u0042")]
        [InlineData("A\u202EB")]
        public void TG0004_member_name_not_an_identifier(string name)
        {
            var manifest = TestManifests.Inline("E", "OK", name);
            Diagnostic d = Single(manifest, "TG0004");
            AssertAt(d, TestManifests.InlineHeadingLine(1), 12);
            AssertNothingGenerated(manifest);
        }

        [Fact]
        public void TG0005_duplicate_member_name()
        {
            var manifest = TestManifests.Inline("E", "A", "B", "A:7");
            Diagnostic d = Single(manifest, "TG0005");
            AssertAt(d, TestManifests.InlineHeadingLine(2), 12);
            Assert.Contains("line " + TestManifests.InlineHeadingLine(0), d.GetMessage());
            AssertNothingGenerated(manifest);
        }

        [Fact]
        public void TG0006_empty_value()
        {
            var manifest = TestManifests.Inline("E", "A:1", "VALID_FLAGS:=");
            Diagnostic d = Single(manifest, "TG0006");
            AssertAt(d, TestManifests.InlineHeadingLine(1), 24);
            AssertNothingGenerated(manifest);
        }

        [Fact]
        public void TG0006_on_the_real_job_object_page()
        {
            Diagnostic d = Single(TestManifests.Page("ne-winnt-job_object_net_rate_control_flags.md"), "TG0006");
            AssertAt(d, 67, 52);
            Assert.Contains("JOB_OBJECT_NET_RATE_CONTROL_VALID_FLAGS", d.GetMessage());
        }

        [Theory]
        [InlineData("LAST:NOPE", "NOPE")]
        [InlineData("LAST:LATER", "LATER")]
        public void TG0007_unknown_reference(string heading, string unknown)
        {
            var manifest = TestManifests.Inline("E", "A", heading, "LATER");
            Diagnostic d = Single(manifest, "TG0007");
            AssertAt(d, TestManifests.InlineHeadingLine(1), 17);
            Assert.Contains("'" + unknown + "'", d.GetMessage());
        }

        [Theory]
        [InlineData("A:0x", 14)]
        [InlineData("A:12abc", 14)]
        [InlineData("A:(1", 14)]
        public void TG0008_unreadable_value(string heading, int column)
        {
            var manifest = TestManifests.Inline("E", heading);
            AssertAt(Single(manifest, "TG0008"), TestManifests.InlineHeadingLine(0), column);
            AssertNothingGenerated(manifest);
        }

        [Theory]
        [InlineData("B:0x10000000000000000")]
        [InlineData("B:0x8000000000000000")]
        public void TG0009_value_out_of_range(string heading)
        {
            var manifest = TestManifests.Inline("E", "A:-1", heading);
            AssertAt(Single(manifest, "TG0009"), TestManifests.InlineHeadingLine(1), 14);
            AssertNothingGenerated(manifest);
        }

        [Fact]
        public void TG0010_value_only_in_the_description_warns_at_the_number()
        {
            GeneratorDriverRunResult result = GeneratorHarness.Run(TestManifests.Page("ne-shobjidl_core-sigdn.md"));
            var warnings = result.Diagnostics.Where(d => d.Id == "TG0010").ToList();
            Assert.Equal(9, warnings.Count);
            Assert.All(warnings, w => Assert.Equal(DiagnosticSeverity.Warning, w.Severity));
            AssertAt(warnings[0], 65, 1);
            Assert.Contains("SIGDN_PARENTRELATIVEPARSING", warnings[0].GetMessage());
            Assert.Contains("(int)0x80018001", warnings[0].GetMessage());
            Assert.Single(result.EnumTrees());
        }

        [Fact]
        public void TG0011_sub_heading_that_looks_like_a_member()
        {
            GeneratorDriverRunResult result = GeneratorHarness.Run(TestManifests.Page("ne-tapi3if-ft_state_event_cause.md"));
            var warnings = result.Diagnostics.Where(d => d.Id == "TG0011").ToList();
            Assert.Equal(4, warnings.Count);
            AssertAt(warnings[0], 75, 8);
            Assert.Contains("FTEC_MAX_DURATION_REACHED", warnings[0].GetMessage());
            Assert.Contains("FTEC_WRITE_ERROR", warnings[0].GetMessage());
            Assert.Single(result.EnumTrees());
        }

        [Fact]
        public void TG0013_no_members()
        {
            var manifest = new TestManifest("/m/empty.md", "# EMPTY enumeration\n\n## -enum-fields\n\nNone yet.\n");
            Diagnostic d = Single(manifest, "TG0013");
            Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
            AssertAt(d, 3, 1); // the fields section, not the top of the file
            Assert.Equal(new Microsoft.CodeAnalysis.Text.LinePosition(2, 15), d.Location.GetLineSpan().EndLinePosition);
            Assert.Single(GeneratorHarness.Run(manifest).EnumTrees());
        }

        [Fact]
        public void TG0014_invalid_namespace()
        {
            var manifest = TestManifests.Inline("E", "A") with { Namespace = "Contoso..Tapi" };
            Assert.Contains("Contoso..Tapi", Single(manifest, "TG0014").GetMessage());
            AssertNothingGenerated(manifest);
        }

        [Fact]
        public void TG0015_two_manifests_for_one_enum()
        {
            var first = TestManifests.Inline("SAME", "A");
            var second = first with { Path = "/other/same.md" };
            GeneratorDriverRunResult result = GeneratorHarness.Run(first, second, TestManifests.Inline("OTHER", "B"));
            Assert.Equal(2, result.Diagnostics.Count(d => d.Id == "TG0015"));
            Assert.Single(result.EnumTrees());
        }

        [Fact]
        public void TG0016_empty_member_name()
        {
            var manifest = TestManifests.Inline("E", "A", "");
            AssertAt(Single(manifest, "TG0016"), TestManifests.InlineHeadingLine(1), 1);
        }

        [Fact]
        public void Other_markdown_additional_files_are_ignored()
        {
            var readme = new TestManifest("/docs/README.md", "# NOT enumeration\n\n## -enum-fields\n\n### -field X\n", IsManifest: false);
            GeneratorDriverRunResult result = GeneratorHarness.Run(TestManifests.Inline("E", "A"), readme);
            Assert.Single(result.EnumTrees());
            Assert.Empty(result.Diagnostics);
        }
    }
}
