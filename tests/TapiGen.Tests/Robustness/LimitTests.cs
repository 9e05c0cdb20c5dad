using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TapiGen.Tests.Corpus;
using TapiGen.Tests.Infrastructure;
using Xunit;

namespace TapiGen.Tests.Robustness
{
    /// <summary>
    /// TG0023: pages far beyond real ones (the largest corpus page is 23 KB with 70 members) are rejected before the
    /// generator spends time on them; pages well beyond real ones still generate.
    /// </summary>
    public class LimitTests
    {
        private const int MiB = 1024 * 1024;

        /// <summary>A page of <paramref name="members"/> members, each described by about <paramref name="descriptionChars"/> characters of real page text.</summary>
        private static TestManifest BigPage(int members, int descriptionChars, string name = "BIG")
        {
            // Real member descriptions (HTML, links, bold) so the docs take the usual path through the converter.
            string sample = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Manifests", "ne-tapi3if-tapi_event.md"));
            int start = sample.IndexOf("## -enum-fields", StringComparison.Ordinal);
            string prose = string.Concat(sample.Substring(start).Split('\n')
                .Where(l => l.Length > 0 && !l.StartsWith("#", StringComparison.Ordinal))
                .Select(l => l + "\n"));
            var sb = new StringBuilder(members * (descriptionChars + 64));
            sb.Append("---\ntitle: ").Append(name).Append(" (big.h)\n---\n\n# ").Append(name).Append(" enumeration\n\n## -enum-fields\n\n");
            for (int i = 0; i < members; i++)
            {
                sb.Append("### -field M").Append(i).Append(i == 0 ? ":0" : string.Empty).Append("\n\n");
                int offset = (i * 7919) % prose.Length;
                for (int taken = 0; taken < descriptionChars;)
                {
                    int n = Math.Min(descriptionChars - taken, prose.Length - offset);
                    sb.Append(prose, offset, n);
                    taken += n;
                    offset = 0;
                }

                sb.Append("\n\n");
            }

            return new TestManifest("/manifests/" + name.ToLowerInvariant() + ".md", sb.ToString());
        }

        [Fact]
        public void A_4_MiB_page_still_generates()
        {
            TestManifest page = BigPage(members: 2000, descriptionChars: 2080);
            Assert.InRange(page.Text.Length, 4 * MiB, 5 * MiB);
            GeneratorDriverRunResult result = GeneratorHarness.Run(page);
            Assert.Empty(result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
            string code = Assert.Single(result.EnumTrees()).ToString();
            Assert.Contains("    M1999 = 1999,\n", code);
            Assert.EndsWith("}\n", code);
        }

        [Fact]
        public void A_page_with_5000_members_still_generates()
        {
            TestManifest page = BigPage(members: 5000, descriptionChars: 60);
            GeneratorDriverRunResult result = GeneratorHarness.Run(page);
            Assert.Empty(result.Diagnostics);
            SyntaxTree tree = Assert.Single(result.EnumTrees());
            Assert.Empty(tree.GetDiagnostics());
            var members = tree.GetRoot().DescendantNodes().OfType<EnumMemberDeclarationSyntax>().ToList();
            Assert.Equal(5000, members.Count);
            Assert.Equal("M4999 = 4999", members[4999].ToString().Split('\n').Last().Trim());
        }

        [Fact]
        public void A_16_MiB_page_is_TG0023_and_generates_nothing()
        {
            var page = new TestManifest("/manifests/huge.md", "# HUGE enumeration\n\n## -enum-fields\n\n### -field A\n\n" + new string('x', 16 * MiB));
            GeneratorDriverRunResult result = GeneratorHarness.Run(page, TestManifests.Inline("SMALL", "A:1"));
            Diagnostic error = Assert.Single(result.Diagnostics, d => d.Id == "TG0023");
            Assert.Equal(DiagnosticSeverity.Error, error.Severity);
            Assert.Equal("/manifests/huge.md", error.Location.GetLineSpan().Path);
            Assert.Contains("huge.md", error.GetMessage());
            Assert.Contains("8,388,608 characters", error.GetMessage());
            Assert.Single(result.EnumTrees()); // SMALL still generates
        }

        [Fact]
        public void A_page_with_20000_members_is_TG0023_at_the_first_member_over_the_limit()
        {
            TestManifest page = TestManifests.Inline("MANY", Enumerable.Range(0, 20000).Select(i => "M" + i).ToArray());
            GeneratorDriverRunResult result = GeneratorHarness.Run(page);
            Diagnostic error = Assert.Single(result.Diagnostics);
            Assert.Equal("TG0023", error.Id);
            Assert.Equal(TestManifests.InlineHeadingLine(10000), error.Location.GetLineSpan().StartLinePosition.Line + 1);
            Assert.Contains("10,000 members", error.GetMessage());
            Assert.Empty(result.GeneratedTrees);
        }

        [Fact]
        public void Exactly_10000_members_is_within_the_limit()
        {
            TestManifest page = TestManifests.Inline("TENK", Enumerable.Range(0, 10000).Select(i => "M" + i + (i == 0 ? ":0" : string.Empty)).ToArray());
            GeneratorDriverRunResult result = GeneratorHarness.Run(page);
            Assert.Empty(result.Diagnostics);
            Assert.Single(result.EnumTrees());
        }

        [Fact]
        public void Members_added_by_an_overrides_file_count_too()
        {
            TestManifest page = TestManifests.Inline("ADDS", "A:0");
            string adds = string.Concat(Enumerable.Range(0, 10000).Select(i => "add X" + i + "\n"));
            var result = ItemHarness.Run(ItemFile.Manifest(page), ItemFile.OverridesFor(page, adds)).Result;
            Assert.Equal("TG0023", Assert.Single(result.Diagnostics).Id);
            Assert.Empty(result.GeneratedTrees);
        }

        [Fact]
        public void An_overrides_file_over_the_size_limit_is_TG0023()
        {
            TestManifest page = TestManifests.Inline("E", "A:0");
            var result = ItemHarness.Run(ItemFile.Manifest(page), ItemFile.OverridesFor(page, "# " + new string('x', 9 * MiB))).Result;
            Diagnostic error = Assert.Single(result.Diagnostics);
            Assert.Equal("TG0023", error.Id);
            Assert.Equal(page.Path + ".tapigen", error.Location.GetLineSpan().Path);
            Assert.Empty(result.GeneratedTrees);
        }
    }
}
