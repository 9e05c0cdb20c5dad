using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TapiGen.Tests.Corpus;
using TapiGen.Tests.Infrastructure;
using Xunit;

namespace TapiGen.Tests.Robustness
{
    /// <summary>
    /// Manifests that try to break out of the generated code: through the enum's and members' descriptions, names,
    /// item metadata and overrides files. Text must end up escaped in doc comments, and names must be refused
    /// unless they are plain C# identifiers.
    /// </summary>
    public class InjectionTests
    {
        public static IEnumerable<object[]> HostileTexts() => new Dictionary<string, string>
        {
            ["comment close"] = "*/ public class Evil { } /*",
            ["summary close"] = "</summary> public class Evil { } <summary>",
            ["xml comment"] = "<!-- public class Evil --> <!-- unclosed",
            ["cdata"] = "<![CDATA[ x ]]> ]]> <![CDATA[",
            ["quotes"] = "\" + typeof(Evil) + \" ' \"\"\"",
            ["backslashes"] = "\\ \\\\ \\u0022 \\n \\\" \\u000A class Evil",
            ["#if at line start"] = "x\n#if false\nclass Evil {}\n#endif",
            ["#error at line start"] = "#error boom\n#pragma warning disable\n#define EVIL\n#nullable disable\n#line 1 \"evil.cs\"",
            ["unicode line separators"] = "a\u2028#error ls\u2029#error ps\u0085#error nel",
            ["bare CR"] = "a\r#error cr\rb\r\n#error crlf",
            ["bidi controls"] = "safe \u202E}; class Evil {\u202C \u2066x\u2069 \u200F \u061C \u200E",
            ["entities"] = "&#10;#error x &#x2028;#error y &#x202E; &lt;/summary&gt; &amp; &#0; &#xD800; &unknown;",
            ["doc elements"] = "<see cref=\"Evil\"/> <see href=\"javascript:alert(1)\">x</see> <a href=\"x\" onclick=\"y\">z</a> <summary>",
            ["code fence"] = "```\n#error fenced\n*/ </summary>\n```",
            ["control characters"] = "nul\0 bell\a esc\u001B del\u007F nonchar\uFFFF lone\uD800 surrogate\uDC00",
            ["html block"] = "<div>\n</summary>\n<script>class Evil{}</script>\n</div>",
            ["deep nesting"] = string.Concat(Enumerable.Repeat("<b><i>", 3000)) + "deep" + string.Concat(Enumerable.Repeat("*[", 2000)),
            ["very long line"] = new string('x', 100000) + " */ </summary> #error",
        }.Select(kv => new object[] { kv.Key, kv.Value });

        /// <summary>A page with the hostile text in every place text goes: descriptions, remarks, sub-headings, front matter.</summary>
        private static TestManifest PageWithText(string text)
        {
            string oneLine = text.Replace('\n', ' ').Replace('\r', ' ');
            string page = "---\ntitle: EVIL (evil.h)\ndescription: " + oneLine + "\n---\n\n# EVIL enumeration\n\n## -description\n\n" + text
                + "\n\n## -enum-fields\n\n### -field A:1\n\n" + text
                + "\n\n#### - " + oneLine + "\n\n" + text
                + "\n\n### -field B\n\n" + text
                + "\n\n## -remarks\n\n" + text + "\n";
            return new TestManifest("/manifests/evil.md", page);
        }

        [Theory]
        [MemberData(nameof(HostileTexts))]
        public void Hostile_text_stays_inside_doc_comments(string name, string text)
        {
            GeneratorDriverRunResult result = GeneratorHarness.Run(PageWithText(text));
            Assert.True(!result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error), name + ": " + string.Join("\n", result.Diagnostics));
            GeneratedCodeChecks.AssertContained(result, "EVIL", new[] { "A", "B" });
            Assert.Equal(new[] { ("A", 1L), ("B", 2L) }, LoadedEnums.Members(LoadedEnums.Load(result, "EVIL")).Select(m => (m.Name, (long)m.Value)));
        }

        [Theory]
        [InlineData("A*/")]
        [InlineData("A</summary>")]
        [InlineData("A\"")]
        [InlineData("A\\")]
        [InlineData("#if")]
        [InlineData("A;B")]
        [InlineData("A{}")]
        [InlineData("A\u202EB")] // bidi override: a "Trojan Source" name
        [InlineData("A\u2066B")]
        [InlineData("A\u200BB")] // zero-width space
        [InlineData("A\u00ADB")] // soft hyphen
        [InlineData("\\u0041")] // a Unicode escape is C# syntax, not a name
        [InlineData("A\\u0042")]
        [InlineData("@class")]
        [InlineData("value__")]
        [InlineData("A-B")]
        [InlineData("A\0B")]
        [InlineData("A\uD800")]
        public void Member_names_that_are_not_plain_identifiers_are_TG0004_and_nothing_is_generated(string memberName)
        {
            var manifest = TestManifests.Inline("E", "OK:1", memberName + ":2");
            GeneratorDriverRunResult result = GeneratorHarness.Run(manifest);
            Assert.Contains(result.Diagnostics, d => d.Id == "TG0004");
            Assert.Empty(result.GeneratedTrees);
        }

        [Fact]
        public void A_name_over_512_characters_is_TG0004_and_one_of_512_generates()
        {
            string tooLong = "N" + new string('x', 1000);
            Assert.Contains(GeneratorHarness.Run(TestManifests.Inline("E", tooLong + ":1")).Diagnostics, d => d.Id == "TG0004");

            string longest = "N" + new string('x', 511);
            GeneratorDriverRunResult result = GeneratorHarness.Run(TestManifests.Inline("E", longest + ":1", "B:2"));
            GeneratedCodeChecks.AssertContained(result, "E", new[] { longest, "B" });
            Assert.Equal(1, (int)LoadedEnums.Values(LoadedEnums.Load(result, "E"))[longest]);
        }

        [Theory]
        [InlineData("class", "int", "namespace")]
        [InlineData("global", "var", "nameof")]
        [InlineData("value", "record", "await")]
        public void Keywords_are_escaped_and_generate_exactly_those_members(string a, string b, string c)
        {
            GeneratorDriverRunResult result = GeneratorHarness.Run(TestManifests.Inline("KEYWORDS", a + ":1", b + ":2", c + ":3"));
            GeneratedCodeChecks.AssertContained(result, "KEYWORDS", new[] { a, b, c });
            Assert.Equal(new[] { (a, 1L), (b, 2L), (c, 3L) }, LoadedEnums.Members(LoadedEnums.Load(result, "KEYWORDS")).Select(m => (m.Name, (long)m.Value)));
        }

        [Theory]
        [InlineData("# EVIL*/ enumeration", "TG0003")]
        [InlineData("# EVIL</summary> enumeration", "TG0003")]
        [InlineData("# E\u202EVIL enumeration", "TG0003")]
        [InlineData("# E\\u0056IL enumeration", "TG0003")]
        [InlineData("# global::System enumeration", "TG0003")]
        public void Enum_names_that_are_not_plain_identifiers_are_TG0003(string heading, string id)
        {
            var manifest = new TestManifest("/manifests/evil.md", heading + "\n\n## -enum-fields\n\n### -field A:1\n\nA.\n");
            GeneratorDriverRunResult result = GeneratorHarness.Run(manifest);
            Assert.Contains(result.Diagnostics, d => d.Id == id);
            Assert.Empty(result.GeneratedTrees);
        }

        [Theory]
        [InlineData("EnumName", "Evil */ class X", "TG0018")]
        [InlineData("EnumName", "Evil\u2028#error", "TG0018")]
        [InlineData("Namespace", "A.B; class X {}", "TG0014")]
        [InlineData("Namespace", "A.\u202EB", "TG0014")]
        [InlineData("Namespace", "A..B", "TG0014")]
        [InlineData("Namespace", "global::A", "TG0014")]
        public void Hostile_item_metadata_is_an_error_not_code(string metadata, string value, string id)
        {
            TestManifest page = TestManifests.Inline("E", "A:1");
            var result = ItemHarness.Run(ItemFile.Manifest(page, (metadata, value))).Result;
            Assert.Contains(result.Diagnostics, d => d.Id == id);
            Assert.Empty(result.GeneratedTrees);
        }

        [Theory]
        [InlineData("rename A = B*/")]
        [InlineData("rename A = B\u202E")]
        [InlineData("rename A = \\u0042")]
        [InlineData("enum-name = X</summary>")]
        [InlineData("enum-name = global::X")]
        [InlineData("value A = 1; class X {}")]
        [InlineData("value A = 1 /* */")]
        [InlineData("value A = \"1\"")]
        [InlineData("add A\u202E = 1")]
        [InlineData("add C = 1 #error")]
        public void Hostile_overrides_are_TG0022_not_code(string line)
        {
            TestManifest page = TestManifests.Inline("E", "A:1");
            var result = ItemHarness.Run(ItemFile.Manifest(page), ItemFile.OverridesFor(page, line + "\n")).Result;
            Assert.Contains(result.Diagnostics, d => d.Id == "TG0022");
            Assert.Empty(result.GeneratedTrees);
        }

        [Fact]
        public void A_Unicode_line_separator_in_a_heading_ends_the_heading()
        {
            // Roslyn (and so TapiGen) reads U+2028 as a line break: the name is "A", "B*/ ..." is text under it.
            var manifest = TestManifests.Inline("E", "A\u2028B*/ class Evil {}:1");
            GeneratorDriverRunResult result = GeneratorHarness.Run(manifest);
            Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
            GeneratedCodeChecks.AssertContained(result, "E", new[] { "A" });
        }

        [Fact]
        public void The_manifest_file_name_stays_inside_the_header_comment()
        {
            var manifest = TestManifests.Inline("E", "A:1") with { Path = "/manifests/evil\u2028#error x */ \"\\.md" };
            GeneratorDriverRunResult result = GeneratorHarness.Run(manifest);
            GeneratedCodeChecks.AssertContained(result, "E", new[] { "A" });
        }
    }
}
