using System.Linq;
using Microsoft.CodeAnalysis;
using TapiGen.Generator.Parsing;
using TapiGen.Tests.Infrastructure;
using Xunit;

namespace TapiGen.Tests.Parsing
{
    /// <summary>
    /// Strict member headings: a line of the fields section is a member heading, a '#### -' sub-heading, prose, or
    /// (a small edit away from a member heading) error TG0025 at the part that is wrong. A near miss must never
    /// silently drop a member.
    /// </summary>
    public class MemberHeadingTests
    {
        [Theory]
        [InlineData("### -field AS_READY")]
        [InlineData("### -field AS_READY:5")]
        [InlineData("###  -field\tAS_READY")]
        [InlineData("   ### -field AS_READY")]
        [InlineData("### -field")]
        [InlineData("### -field D3D_FEATURE_LEVEL_9_1 (0x9100)")]
        public void Member_headings(string line)
        {
            Assert.True(MemberHeading.IsMemberHeading(line, out _));
        }

        [Theory]
        [InlineData("### -fild AS_READY", "'-fild' is not the keyword '-field'", 4)]
        [InlineData("### -feild AS_READY", "'-feild' is not the keyword '-field'", 4)]
        [InlineData("### -fields AS_READY", "'-fields' is not the keyword '-field'", 4)]
        [InlineData("### -Field AS_READY", "in lower case", 4)]
        [InlineData("### -FIELD AS_READY", "in lower case", 4)]
        [InlineData("### field AS_READY", "lacks its '-'", 4)]
        [InlineData("### --field AS_READY", "one '-' and no space", 4)]
        [InlineData("### - field AS_READY", "one '-' and no space", 4)]
        [InlineData("### \u2013field AS_READY", "one '-' and no space", 4)]
        [InlineData("### -fieldAS_READY", "no space between '-field' and the name", 4)]
        [InlineData("### -field:AS_READY", "no space after '-field'", 10)]
        [InlineData("###-field AS_READY", "no space after '###'", 0)]
        [InlineData("## -field AS_READY", "has three '#', this one has 2", 0)]
        [InlineData("#### -field AS_READY", "has three '#', this one has 4", 0)]
        [InlineData("# -field AS_READY", "has three '#', this one has 1", 0)]
        [InlineData("####### -field AS_READY", "has three '#', this one has 7", 0)]
        [InlineData("    ### -field AS_READY", "indented", 0)]
        [InlineData("\t### -field AS_READY", "indented", 0)]
        [InlineData("### - AS_READY", "the keyword '-field' is missing", 4)]
        [InlineData("### -AS_READY", "the keyword '-field' is missing", 4)]
        [InlineData("### AS_READY", "the keyword '-field' is missing", 4)]
        [InlineData("### AS_READY:5", "the keyword '-field' is missing", 4)]
        [InlineData("### TokenElevationTypeFull", "the keyword '-field' is missing", 4)]
        [InlineData("### field TokenElevationTypeFull", "lacks its '-'", 4)]
        [InlineData("### Remarks", "the keyword '-field' is missing", 4)]
        public void Near_misses_say_what_is_wrong_and_where(string line, string reason, int column)
        {
            Assert.False(MemberHeading.IsMemberHeading(line, out _));
            Assert.True(MemberHeading.IsNearMiss(line, out MemberHeading.NearMiss miss), line);
            Assert.Contains(reason, miss.Reason);
            Assert.Equal(column, miss.Start);
        }

        [Theory]
        [InlineData("#### - FTEC_MAX_DURATION_REACHED")]
        [InlineData("#### - FIELD_COUNT")]
        [InlineData("### About these values")]
        [InlineData("### Field values and their meaning")]
        [InlineData("## -remarks")]
        [InlineData("## -enum-fields")]
        [InlineData("#define FIELD 1")]
        [InlineData("Some text about the -field keyword.")]
        [InlineData("")]
        public void Other_lines_are_no_near_misses(string line)
        {
            Assert.False(MemberHeading.IsNearMiss(line, out _), line);
        }

        [Theory]
        [InlineData("### -fild AS_READY", 5)]
        [InlineData("## -field AS_READY", 1)]
        [InlineData("####  -field AS_READY", 1)]
        [InlineData("###-field AS_READY", 1)]
        public void A_near_miss_is_TG0025_at_its_line_and_the_enum_is_not_generated(string heading, int column)
        {
            string text = "---\ntitle: E (test.h)\n---\n\n# E enumeration\n\n## -enum-fields\n\n"
                + "### -field AS_NOT_READY\n\nNot ready.\n\n"
                + heading + "\n\nReady.\n\n"
                + "### -field AS_BUSY\n\nBusy.\n";
            var manifest = new TestManifest("/m/near.md", text);
            GeneratorDriverRunResult result = GeneratorHarness.Run(manifest);
            Diagnostic d = Assert.Single(result.Diagnostics, x => x.Id == "TG0025");
            Assert.Equal(DiagnosticSeverity.Error, d.Severity);
            var start = d.Location.GetLineSpan().StartLinePosition;
            Assert.Equal((13, column), (start.Line + 1, start.Character + 1));
            Assert.Contains("### -field NAME", d.GetMessage());
            Assert.Contains(heading.Trim(), d.GetMessage());
            Assert.Empty(result.GeneratedTrees);
        }

        [Fact]
        public void A_level_2_near_miss_does_not_end_the_fields_section()
        {
            // Were '## -field B' to end the section, C would vanish with it; it is an error, and C is still read.
            string text = "# E enumeration\n\n## -enum-fields\n\n### -field A\n\nA.\n\n## -field B\n\nB.\n\n### -fild C\n\nC.\n";
            GeneratorDriverRunResult result = GeneratorHarness.Run(new TestManifest("/m/level2.md", text));
            Assert.Equal(new[] { 9, 13 }, result.Diagnostics.Where(d => d.Id == "TG0025").Select(d => d.Location.GetLineSpan().StartLinePosition.Line + 1).OrderBy(l => l));
        }

        [Theory]
        [InlineData("AS_READY 5", "5")]
        [InlineData("AS READY", "READY")]
        public void Text_after_the_member_name_is_TG0026_and_says_where_a_value_goes(string heading, string trailing)
        {
            var manifest = TestManifests.Inline("E", "AS_BUSY", heading);
            GeneratorDriverRunResult result = GeneratorHarness.Run(manifest);
            Diagnostic d = Assert.Single(result.Diagnostics, x => x.Id == "TG0026");
            Assert.Equal(DiagnosticSeverity.Error, d.Severity);
            Assert.Contains("'" + trailing + "'", d.GetMessage());
            Assert.Contains("a value goes after ':'", d.GetMessage());
            Assert.DoesNotContain(result.Diagnostics, x => x.Id == "TG0008");
            var start = d.Location.GetLineSpan().StartLinePosition;
            Assert.Equal((TestManifests.InlineHeadingLine(1), 12 + heading.IndexOf(' ') + 1), (start.Line + 1, start.Character + 1));
            Assert.Empty(result.GeneratedTrees);
        }

        [Fact]
        public void A_front_matter_that_never_closes_is_TG0027_at_line_1()
        {
            string text = "---\ntitle: E (test.h)\n\n# E enumeration\n\n## -enum-fields\n\n### -field A:1\n\nA.\n";
            GeneratorDriverRunResult result = GeneratorHarness.Run(new TestManifest("/m/open.md", text));
            Diagnostic d = Assert.Single(result.Diagnostics, x => x.Id == "TG0027");
            Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
            Assert.Equal((0, 0), (d.Location.GetLineSpan().StartLinePosition.Line, d.Location.GetLineSpan().StartLinePosition.Character));
            Assert.NotEmpty(result.GeneratedTrees);
        }

        [Fact]
        public void A_closed_front_matter_gets_no_TG0027()
        {
            GeneratorDriverRunResult result = GeneratorHarness.Run(TestManifests.Inline("E", "A:1"));
            Assert.DoesNotContain(result.Diagnostics, x => x.Id == "TG0027");
        }
    }
}
