using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Reflection;
using System.Threading;
using Microsoft.CodeAnalysis;
using TapiGen.Generator.Model;
using TapiGen.Generator.Parsing;
using TapiGen.Tests.Corpus;
using TapiGen.Tests.Headers.Oracle;
using TapiGen.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace TapiGen.Tests.Headers
{
    /// <summary>
    /// The real pages against the real headers, with gcc as the judge of the headers' values: with the headers listed
    /// every corpus page and every TAPI page of the sample generates exactly its header's members and values; without
    /// them, what differs is exactly the reviewed list in Headers/page-vs-header.txt.
    /// </summary>
    public class PageHeaderTests
    {
        private const string DifferencesFile = "page-vs-header.txt";

        private static readonly Lazy<OracleResult> s_oracle = new Lazy<OracleResult>(
            () => CCompilerOracle.Evaluate(SdkHeaders.IncludeOrder(OracleComparisonTests.PageHeaders.Select(SdkHeaders.Find).ToList())));

        private readonly ITestOutputHelper _output;

        public PageHeaderTests(ITestOutputHelper output) => _output = output;

        /// <summary>A page to check: a key for messages and the difference list, its text, and the namespace it generates into.</summary>
        public sealed record Page(string Key, string Path, string Text, string Namespace)
        {
            /// <summary>The enum's name on the page (what headers are searched for).</summary>
            public string? Name => PageReader.Read(
                new ManifestFile(Path, Text, GeneratorOptions.Default(Namespace, "test"), EquatableArray<DiagnosticInfo>.Empty) { TextLength = Text.Length },
                CancellationToken.None).PageName;
        }

        /// <summary>Every corpus page and every page of the sample's manifests folder.</summary>
        public static List<Page> Pages()
        {
            var pages = new List<Page>();
            if (RepoPaths.CorpusAvailable)
            {
                foreach (string path in Directory.EnumerateFiles(RepoPaths.CorpusRoot, "ne-*.md", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
                {
                    string relative = System.IO.Path.GetRelativePath(RepoPaths.CorpusRoot, path).Replace('\\', '/');
                    pages.Add(new Page("corpus/" + relative, path, File.ReadAllText(path), "Corpus." + relative.Substring(0, relative.IndexOf('/')).Replace('-', '_')));
                }
            }

            string sample = System.IO.Path.Combine(RepoPaths.Root, "samples", "TapiGen.Sample", "manifests");
            foreach (string path in Directory.EnumerateFiles(sample, "ne-*.md", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
            {
                pages.Add(new Page("sample/" + System.IO.Path.GetRelativePath(sample, path).Replace('\\', '/'), path, File.ReadAllText(path), "Sample"));
            }

            return pages;
        }

        /// <summary>The oracle's enum a page names: by typedef name, else by tag, else either without a leading '_' or 'tag'.</summary>
        internal static OracleEnum? OracleEnumFor(string name)
        {
            var named = s_oracle.Value.Enums.Where(e => !e.IsAnonymous).ToList();
            return named.FirstOrDefault(e => e.TypedefNames.Contains(name))
                ?? named.FirstOrDefault(e => e.Tag == name)
                ?? named.FirstOrDefault(e => e.TypedefNames.Append(e.Tag).Any(n => n is not null && Bare(n) == Bare(name)));
        }

        private static string Bare(string name)
        {
            string n = name.TrimStart('_');
            return n.StartsWith("tag", StringComparison.Ordinal) && n.Length > 3 ? n.Substring(3).TrimStart('_') : n;
        }

        private static IEnumerable<TestManifest> HeaderItems()
            => OracleComparisonTests.PageHeaders.Select(SdkHeaders.Find).Select(p => new TestManifest(p, File.ReadAllText(p), IsManifest: false, Metadata: new Dictionary<string, string> { ["TapiGenHeader"] = "true" }));

        /// <summary>Generates every page (only the enums), compiles and loads them: page key to its members, or to its errors.</summary>
        private static Dictionary<string, (List<(string Name, BigInteger Value)>? Members, List<Diagnostic> Diagnostics)> Generate(List<Page> pages, bool withHeaders)
        {
            var manifests = pages.Select(p => new TestManifest(p.Path, p.Text, p.Namespace)).ToList();
            var options = new GeneratorHarness.RunOptions(GlobalOptions: new Dictionary<string, string>
            {
                ["build_property.TapiGenGenerateHelpers"] = "false",
                ["build_property.TapiGenGenerateSystemTextJson"] = "false",
            });
            GeneratorDriverRunResult result = GeneratorHarness.Run(withHeaders ? manifests.Concat(HeaderItems()) : manifests, options).Result;
            Assert.DoesNotContain(result.Diagnostics, d => d.Id == "TG0012");
            Assembly assembly = GeneratorHarness.Load(GeneratorHarness.AssertCompilesCleanly(result));
            var outcome = new Dictionary<string, (List<(string, BigInteger)>?, List<Diagnostic>)>(StringComparer.Ordinal);
            foreach (Page page in pages)
            {
                var diagnostics = result.Diagnostics.Where(d => d.Location.GetLineSpan().Path == page.Path).ToList();
                string? name = page.Name;
                Type? type = name is null ? null : assembly.GetType(page.Namespace + "." + name);
                outcome[page.Key] = (type is null ? null : LoadedEnums.Members(type), diagnostics);
            }

            return outcome;
        }

        [Fact]
        public void With_the_headers_listed_every_page_is_exactly_its_header()
        {
            List<Page> pages = Pages();
            var generated = Generate(pages, withHeaders: true);
            var failures = new List<string>();
            foreach (Page page in pages)
            {
                var (members, diagnostics) = generated[page.Key];
                OracleEnum? expected = page.Name is null ? null : OracleEnumFor(page.Name);
                if (expected is null)
                {
                    failures.Add(page.Key + ": gcc found no enum '" + page.Name + "' in the pages' headers");
                    continue;
                }

                if (members is null)
                {
                    failures.Add(page.Key + ": not generated: " + string.Join("; ", diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
                    continue;
                }

                string ours = string.Join(", ", members.Select(m => m.Name + "=" + m.Value));
                string theirs = string.Join(", ", expected.Members.Select(m => m.Name + "=" + m.Value));
                if (ours != theirs)
                {
                    failures.Add(page.Key + ":\n    generated: " + ours + "\n    gcc:       " + theirs);
                }
            }

            _output.WriteLine(pages.Count + " pages, " + (pages.Count - failures.Count) + " exactly their header's enum");
            Assert.True(pages.Count >= 54, "the sample's pages are missing");
            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }

        [Fact]
        public void Without_headers_the_pages_differ_from_their_headers_exactly_as_reviewed()
        {
            List<Page> pages = Pages();
            if (!RepoPaths.CorpusAvailable)
            {
                _output.WriteLine("The corpus is not beside the clone; the list covers it, so only a run with it can compare.");
                return;
            }

            var generated = Generate(pages, withHeaders: false);
            var lines = new List<string>();
            foreach (Page page in pages)
            {
                var (members, diagnostics) = generated[page.Key];
                OracleEnum? expected = page.Name is null ? null : OracleEnumFor(page.Name);
                if (expected is null)
                {
                    lines.Add(page.Key + ": in no header");
                    continue;
                }

                if (members is null)
                {
                    lines.Add(page.Key + ": not generated (" + string.Join(" ", diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id).Distinct().OrderBy(i => i)) + ")");
                    continue;
                }

                lines.AddRange(Differences(members, expected).Select(d => page.Key + ": " + d));
            }

            string actual = string.Join("\n", lines) + "\n";
            string path = System.IO.Path.Combine(RepoPaths.Root, "tests", "TapiGen.Tests", "Headers", DifferencesFile);
            string expectedText = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n") : string.Empty;
            string reviewed = string.Join("\n", expectedText.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("#", StringComparison.Ordinal))) + "\n";
            if (reviewed != actual)
            {
                File.WriteAllText(System.IO.Path.ChangeExtension(path, ".received.txt"), actual);
            }

            int differing = lines.Select(l => l.Substring(0, l.IndexOf(':'))).Distinct().Count();
            _output.WriteLine(pages.Count + " pages: " + (pages.Count - differing) + " exactly their header's enum as published, " + differing + " differ (" + lines.Count + " differences)");
            Assert.True(reviewed == actual, "The page-versus-header differences changed; compare Headers/page-vs-header.received.txt with " + DifferencesFile + ", review, and update the list.");
        }

        [Fact]
        public void The_sample_with_its_overrides_files_is_exactly_its_headers_without_them_and_warning_free()
        {
            List<Page> pages = Pages().Where(p => p.Key.StartsWith("sample/", StringComparison.Ordinal)).ToList();
            var files = new List<ItemFile>();
            foreach (Page page in pages)
            {
                var manifest = new TestManifest(page.Path, page.Text, page.Namespace);
                files.Add(ItemFile.Manifest(manifest));
                if (File.Exists(page.Path + ".tapigen"))
                {
                    files.Add(ItemFile.OverridesFor(manifest, File.ReadAllText(page.Path + ".tapigen")));
                }
            }

            var options = new Dictionary<string, string> { ["build_property.TapiGenGenerateHelpers"] = "false", ["build_property.TapiGenGenerateSystemTextJson"] = "false" };
            GeneratorDriverRunResult result = ItemHarness.Run(files, options).Result;
            Assert.Empty(result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
            Assembly assembly = GeneratorHarness.Load(GeneratorHarness.AssertCompilesCleanly(result));
            var failures = new List<string>();
            foreach (Page page in pages)
            {
                OracleEnum expected = OracleEnumFor(page.Name!) ?? throw new InvalidOperationException(page.Key + ": in no header");
                List<(string Name, BigInteger Value)> members = LoadedEnums.Members(assembly.GetType(page.Namespace + "." + page.Name)!);
                failures.AddRange(Differences(members, expected).Select(d => page.Key + ": " + d));
            }

            _output.WriteLine(pages.Count + " sample pages, " + (pages.Count - failures.Select(f => f.Substring(0, f.IndexOf(':'))).Distinct().Count()) + " exactly their header's enum with the overrides files");
            Assert.Equal(54, pages.Count);
            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }

        /// <summary>What a page's generated members get wrong against the header, one line each.</summary>
        internal static IEnumerable<string> Differences(List<(string Name, BigInteger Value)> members, OracleEnum expected)
        {
            var header = expected.Members.ToDictionary(m => m.Name, m => m.Value, StringComparer.Ordinal);
            var page = members.ToDictionary(m => m.Name, m => m.Value, StringComparer.Ordinal);
            foreach ((string name, BigInteger value) in members)
            {
                if (!header.TryGetValue(name, out BigInteger declared))
                {
                    yield return name + " is only on the page (" + Show(value) + ")";
                }
                else if (declared != value)
                {
                    yield return name + " is " + Show(value) + " on the page, " + Show(declared) + " in " + System.IO.Path.GetFileName(expected.HeaderPath);
                }
            }

            foreach (OracleMember m in expected.Members.Where(m => !page.ContainsKey(m.Name)))
            {
                yield return m.Name + " is only in " + System.IO.Path.GetFileName(expected.HeaderPath) + " (" + Show(m.Value) + ")";
            }

            if (header.Count == page.Count && header.Keys.All(page.ContainsKey) && !members.Select(m => m.Name).SequenceEqual(expected.Members.Select(m => m.Name)))
            {
                yield return "the members are in another order than in " + System.IO.Path.GetFileName(expected.HeaderPath);
            }
        }

        private static string Show(BigInteger value)
            => value >= 10 ? "0x" + value.ToString("X", CultureInfo.InvariantCulture).TrimStart('0') : value.ToString(CultureInfo.InvariantCulture);
    }
}
