using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using TapiGen.Generator.Diagnostics;
using TapiGen.Generator.Roslyn;
using TapiGen.Tests.Infrastructure;
using Xunit;

namespace TapiGen.Tests
{
    /// <summary>
    /// Every help link opens a section of docs/diagnostics.md that exists, under the repository address the package
    /// declares; and every example there still produces its diagnostic, with the message it quotes.
    /// </summary>
    public class DiagnosticsDocTests
    {
        private static readonly string s_docPath = Path.Combine(RepoPaths.Root, "docs", "diagnostics.md");

        public static TheoryData<string> Ids => new TheoryData<string>(DiagnosticDescriptors.All.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal));

        [Fact]
        public void The_repository_address_is_written_once_and_the_package_and_the_help_links_use_it()
        {
            string url = RepositoryUrl();
            Assert.StartsWith("https://", url);
            Assert.Equal(url + "/blob/main/docs/diagnostics.md#", DiagnosticDescriptors.HelpLinkBase);

            XElement[] package = Properties(Path.Combine("runtime", "TapiGen.Runtime", "TapiGen.Runtime.csproj"));
            Assert.Equal("$(TapiGenRepositoryUrl)", Assert.Single(package, p => p.Name.LocalName == "RepositoryUrl").Value);
            Assert.Equal("$(TapiGenRepositoryUrl)", Assert.Single(package, p => p.Name.LocalName == "PackageProjectUrl").Value);

            // No other file of the build spells the address out (the package tests check the packed nuspec too).
            string[] others = Directory.EnumerateFiles(RepoPaths.Root, "*.*proj", SearchOption.AllDirectories)
                .Concat(Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "generator"), "*.cs", SearchOption.AllDirectories))
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                .Where(f => File.ReadAllText(f).Contains(url, StringComparison.OrdinalIgnoreCase))
                .ToArray();
            Assert.Empty(others);
        }

        [Theory]
        [MemberData(nameof(Ids))]
        public void Every_help_link_opens_its_own_section(string id)
        {
            DiagnosticDescriptor descriptor = RoslynDiagnostics.Descriptor(DiagnosticDescriptors.ById(id));
            Assert.StartsWith(DiagnosticDescriptors.HelpLinkBase, descriptor.HelpLinkUri);
            string anchor = descriptor.HelpLinkUri.Substring(DiagnosticDescriptors.HelpLinkBase.Length);
            Assert.Contains(anchor, Sections().Select(s => GitHubAnchor(s.Heading)));

            string body = Sections().Single(s => s.Heading == id).Body;
            Assert.Contains("Example", body);
            Assert.Contains("\nFix: ", body);
        }

        [Fact]
        public void The_doc_has_a_section_for_each_id_and_no_other()
            => Assert.Equal(DiagnosticDescriptors.All.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal), Sections().Select(s => s.Heading));

        [Theory]
        [MemberData(nameof(Ids))]
        public void Every_example_reports_its_id_and_the_message_it_quotes(string id)
        {
            (string Heading, string Body) section = Sections().Single(s => s.Heading == id);
            List<Example> examples = Examples(section.Body);
            if (examples.Count == 0)
            {
                return; // described only: a bug (TG0012), a size limit, a second manifest, a project file, C# code
            }

            var properties = new Dictionary<string, string>(StringComparer.Ordinal);
            var files = new List<TestManifest>();
            TestManifest? page = null;
            foreach (Example example in examples)
            {
                switch (example.Kind)
                {
                    case "overrides":
                        files.Add(new TestManifest(page!.Path + ".tapigen", example.Text, IsManifest: false, Metadata: new Dictionary<string, string> { ["TapiGenOverridesFor"] = page.Path }));
                        break;
                    case "header":
                        files.Add(new TestManifest("/project/headers/example.h", example.Text, IsManifest: false, Metadata: new Dictionary<string, string> { ["TapiGenHeader"] = "true" }));
                        break;
                    default:
                        page = new TestManifest("/project/manifests/" + example.Option("file", "example.md"), example.Text, Metadata: example.Prefixed("metadata."));
                        foreach (KeyValuePair<string, string> property in example.Prefixed("property."))
                        {
                            properties["build_property." + property.Key] = property.Value;
                        }

                        files.Insert(0, page);
                        break;
                }
            }

            GeneratorDriverRunResult result = GeneratorHarness.Run(files, new GeneratorHarness.RunOptions(GlobalOptions: properties)).Result;
            List<Diagnostic> reported = result.Diagnostics.Where(d => d.Id == id).ToList();
            Assert.True(reported.Count > 0, id + "'s example reports: " + string.Join("; ", result.Diagnostics));

            string? quoted = Quote(section.Body);
            if (quoted is not null)
            {
                Assert.Contains(quoted, reported.Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        private sealed record Example(string Kind, IReadOnlyDictionary<string, string> Options, string Text)
        {
            public string Option(string name, string fallback) => Options.TryGetValue(name, out string? v) ? v : fallback;

            public IReadOnlyDictionary<string, string> Prefixed(string prefix)
                => Options.Where(o => o.Key.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(o => o.Key.Substring(prefix.Length), o => o.Value, StringComparer.Ordinal);
        }

        /// <summary>"&lt;!-- example [overrides|header] [key=value ...] --&gt;" and the fenced block after it.</summary>
        private static List<Example> Examples(string body)
        {
            var examples = new List<Example>();
            foreach (Match m in Regex.Matches(body, @"<!-- example(?<words>[^>]*)-->\n```[a-z]*\n(?<text>.*?)```", RegexOptions.Singleline))
            {
                string[] words = m.Groups["words"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                string kind = words.FirstOrDefault(w => !w.Contains('=', StringComparison.Ordinal)) ?? "page";
                var options = words.Where(w => w.Contains('=', StringComparison.Ordinal)).ToDictionary(w => w.Substring(0, w.IndexOf('=', StringComparison.Ordinal)), w => w.Substring(w.IndexOf('=', StringComparison.Ordinal) + 1), StringComparer.Ordinal);
                examples.Add(new Example(kind, options, m.Groups["text"].Value));
            }

            return examples;
        }

        /// <summary>The section's quoted message ("&gt; ..." lines joined), if it quotes one.</summary>
        private static string? Quote(string body)
        {
            string[] lines = body.Split('\n').SkipWhile(l => !l.StartsWith("> ", StringComparison.Ordinal)).TakeWhile(l => l.StartsWith("> ", StringComparison.Ordinal)).ToArray();
            return lines.Length == 0 ? null : string.Join(" ", lines.Select(l => l.Substring(2).Trim()));
        }

        /// <summary>The "## " sections, read line by line: the example pages inside fences have "## " headings too.</summary>
        private static List<(string Heading, string Body)> Sections()
        {
            var sections = new List<(string Heading, System.Text.StringBuilder Body)>();
            bool inFence = false;
            foreach (string line in File.ReadAllText(s_docPath).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
            {
                inFence ^= line.StartsWith("```", StringComparison.Ordinal);
                if (!inFence && line.StartsWith("## ", StringComparison.Ordinal))
                {
                    sections.Add((line.Substring(3).Trim(), new System.Text.StringBuilder()));
                }
                else if (sections.Count > 0)
                {
                    sections[sections.Count - 1].Body.Append(line).Append('\n');
                }
            }

            return sections.Select(s => (s.Heading, s.Body.ToString())).ToList();
        }

        /// <summary>The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as '-'.</summary>
        private static string GitHubAnchor(string heading)
            => Regex.Replace(heading.Trim().ToLowerInvariant(), @"[^\w\- ]", string.Empty).Replace(' ', '-');

        private static string RepositoryUrl()
            => Properties("Directory.Build.props").Single(p => p.Name.LocalName == "TapiGenRepositoryUrl").Value.Trim();

        private static XElement[] Properties(string projectFile)
            => XDocument.Load(Path.Combine(RepoPaths.Root, projectFile)).Descendants().Where(e => e.Parent?.Name.LocalName == "PropertyGroup").ToArray();
    }
}
