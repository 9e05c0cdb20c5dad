using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using TapiGen.Tests.Corpus;
using TapiGen.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace TapiGen.Tests
{
    /// <summary>
    /// Every real page in ../shared/corpus: the generator never fails, each page either generates code that compiles
    /// cleanly or gets the error we expect for it, and, with the settings Corpus/expectations.txt gives it, each page
    /// generates exactly the enum written there (name, type, member count, sampled values, diagnostics).
    /// </summary>
    public class CorpusTests
    {
        /// <summary>Pages that cannot generate as published (no options, no overrides), and the error that says why.</summary>
        private static readonly Dictionary<string, string> s_expectedErrors = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            // "### -field JOB_OBJECT_NET_RATE_CONTROL_VALID_FLAGS:=": the value is missing on the page.
            ["ne-winnt-job_object_net_rate_control_flags.md"] = "TG0006",
        };

        private readonly ITestOutputHelper _output;

        public CorpusTests(ITestOutputHelper output) => _output = output;

        public static IEnumerable<object[]> Folders() => new[] { new object[] { "sdk-api" }, new object[] { "sdk-api-2018" } };

        [Theory]
        [MemberData(nameof(Folders))]
        public void Every_page_generates_compiling_code_or_gets_its_expected_error(string folder)
        {
            if (!CorpusPresent())
            {
                return;
            }

            var manifests = Pages(folder).Select(p => new TestManifest(p.FullPath, File.ReadAllText(p.FullPath), p.Namespace)).ToList();
            Assert.NotEmpty(manifests);

            var output = GeneratorHarness.Run(manifests, new GeneratorHarness.RunOptions());
            GeneratorDriverRunResult result = output.Result;
            Assert.DoesNotContain(result.Diagnostics, d => d.Id == "TG0012" || d.Id.StartsWith("CS", StringComparison.Ordinal));
            Assert.All(result.Results, r => Assert.Null(r.Exception));

            int generated = 0;
            foreach (TestManifest manifest in manifests)
            {
                string name = Path.GetFileName(manifest.Path);
                var diagnostics = result.Diagnostics.Where(d => d.Location.GetLineSpan().Path == manifest.Path).ToList();
                foreach (Diagnostic d in diagnostics)
                {
                    _output.WriteLine($"{folder}/{name}: {d.Id} {d.Severity} {d.Location.GetLineSpan().StartLinePosition}: {d.GetMessage(CultureInfo.InvariantCulture)}");
                }

                var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id).Distinct().ToList();
                if (s_expectedErrors.TryGetValue(name, out string? expected))
                {
                    Assert.True(errors.SequenceEqual(new[] { expected }), $"{name}: expected {expected}, got [{string.Join(", ", errors)}]");
                }
                else
                {
                    Assert.True(errors.Count == 0, $"{name}: unexpected errors: " + string.Join("; ", diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
                    generated++;
                }
            }

            Assert.Equal(generated, result.EnumTrees().Length);
            GeneratorHarness.AssertCompilesCleanly(result);
            _output.WriteLine($"{folder}: {manifests.Count} pages, {generated} generated");
        }

        [Theory]
        [MemberData(nameof(Folders))]
        public void Every_page_generates_the_enum_its_expectations_describe(string folder)
        {
            if (!CorpusPresent())
            {
                return;
            }

            var pages = Pages(folder);
            var expectations = CorpusExpectations.All.Where(e => e.Folder == folder).ToDictionary(e => e.Page, StringComparer.Ordinal);
            var failures = expectations.Keys.Except(pages.Select(p => p.Page)).Select(p => p + ": expectations for a page that is not in the corpus").ToList();

            // One run and one compilation per folder, every page with the options and overrides file its expectations give.
            var files = new List<ItemFile>();
            foreach (CorpusPage page in pages)
            {
                PageExpectation expected = expectations.TryGetValue(page.Page, out PageExpectation? found) ? found : new PageExpectation(page.Page, 0);
                var manifest = new TestManifest(page.FullPath, File.ReadAllText(page.FullPath), page.Namespace);
                files.Add(ItemFile.Manifest(manifest, expected.Options.Select(kv => (kv.Key, kv.Value)).ToArray()));
                if (expected.Overrides is not null)
                {
                    files.Add(ItemFile.OverridesFor(manifest, File.ReadAllText(Path.Combine(CorpusExpectations.OverridesDirectory, expected.Overrides))));
                }
            }

            GeneratorDriverRunResult result = ItemHarness.Run(files, null).Result;
            Assert.All(result.Results, r => Assert.Null(r.Exception));
            Assembly assembly = GeneratorHarness.Load(GeneratorHarness.AssertCompilesCleanly(result));

            var dump = new StringBuilder();
            foreach (CorpusPage page in pages)
            {
                if (!expectations.TryGetValue(page.Page, out PageExpectation? expected))
                {
                    failures.Add(page.Page + ": no block in expectations.txt");
                    expected = new PageExpectation(page.Page, 0);
                }

                var diagnostics = result.Diagnostics
                    .Where(d => d.Location.GetLineSpan().Path == page.FullPath || d.Location.GetLineSpan().Path == page.FullPath + ".tapigen")
                    .ToList();
                Type? type = expected.EnumName is null ? null : assembly.GetType(page.Namespace + "." + expected.EnumName);
                failures.AddRange(Compare(expected, diagnostics, type).Select(f => expected.Where + ": " + f));
                Describe(dump, page, diagnostics, assembly, result);
            }

            WriteDump(folder, dump.ToString());
            Assert.True(failures.Count == 0, failures.Count + " corpus expectation(s) not met:\n" + string.Join("\n", failures));
            _output.WriteLine($"{folder}: {pages.Count} pages, {expectations.Values.Sum(e => e.Members.Count)} sampled members checked");
        }

        [Fact]
        public void Every_explicit_value_in_the_TAPI_pages_is_sampled()
        {
            // "### -field NAME:VALUE" or "### -field NAME (VALUE)": the values a page states are all checked.
            var heading = new Regex(@"^### -field (?<name>[A-Za-z_][A-Za-z0-9_]*)\s*(:\s*(?<value>\S.*)|\((?<value>[^)]*)\))\s*$", RegexOptions.Multiline);
            if (!CorpusPresent())
            {
                return;
            }

            var missing = new List<string>();
            foreach (PageExpectation page in CorpusExpectations.All.Where(e => e.Page.Contains("/tapi3", StringComparison.Ordinal)))
            {
                string text = File.ReadAllText(Path.Combine(RepoPaths.CorpusRoot, page.Page)).Replace("\r\n", "\n");
                foreach (Match m in heading.Matches(text))
                {
                    if (!page.Members.Any(s => s.Name == m.Groups["name"].Value))
                    {
                        missing.Add(page.Page + ": " + m.Groups["name"].Value);
                    }
                }
            }

            Assert.True(missing.Count == 0, "not sampled in expectations.txt:\n" + string.Join("\n", missing));
        }

        [Fact]
        public void Every_overrides_file_kept_for_the_corpus_is_used_by_a_page()
        {
            var used = CorpusExpectations.All.Select(e => e.Overrides).Where(o => o is not null).ToHashSet(StringComparer.Ordinal);
            var files = Directory.EnumerateFiles(CorpusExpectations.OverridesDirectory, "*.tapigen").Select(Path.GetFileName).ToList();
            Assert.NotEmpty(files);
            Assert.All(files, f => Assert.Contains(f, used));
            Assert.All(used, f => Assert.Contains(f, files));
        }

        private static IEnumerable<string> Compare(PageExpectation expected, List<Diagnostic> diagnostics, Type? type)
        {
            var actual = new SortedDictionary<string, int>(StringComparer.Ordinal);
            foreach (Diagnostic d in diagnostics)
            {
                actual[d.Id] = actual.TryGetValue(d.Id, out int n) ? n + 1 : 1;
            }

            if (expected.Diagnostics is null)
            {
                yield return "no 'diagnostics' line";
            }
            else if (!expected.Diagnostics.SequenceEqual(actual))
            {
                yield return "diagnostics: expected " + Format(expected.Diagnostics) + ", got " + Format(actual) + "\n    " + string.Join("\n    ", diagnostics.Select(d => d.ToString()));
            }

            if (expected.EnumName is null)
            {
                if (expected.Members.Count > 0 || expected.MemberCount is not null)
                {
                    yield return "members listed for a page that generates nothing";
                }

                yield break;
            }

            if (type is null)
            {
                yield return "enum " + expected.EnumName + " was not generated";
                yield break;
            }

            string underlying = Keyword(Enum.GetUnderlyingType(type));
            if (underlying != expected.Underlying)
            {
                yield return "underlying type: expected " + expected.Underlying + ", got " + underlying;
            }

            bool flags = type.IsDefined(typeof(FlagsAttribute), false);
            if (flags != expected.Flags)
            {
                yield return "[Flags]: expected " + expected.Flags + ", got " + flags;
            }

            var members = LoadedEnums.Values(type);
            if (expected.MemberCount != members.Count)
            {
                yield return "member count: expected " + expected.MemberCount + ", got " + members.Count;
            }

            foreach (MemberExpectation member in expected.Members)
            {
                if (!members.TryGetValue(member.Name, out BigInteger value))
                {
                    yield return "line " + member.Line + ": no member " + member.Name;
                }
                else if (value != member.Value)
                {
                    yield return "line " + member.Line + ": " + member.Name + " is " + value + ", expected " + member.Value;
                }
            }
        }

        /// <summary>The page as it generated, in the format of expectations.txt, to help write or review a block.</summary>
        private static void Describe(StringBuilder dump, CorpusPage page, List<Diagnostic> diagnostics, Assembly assembly, GeneratorDriverRunResult result)
        {
            dump.Append("page ").Append(page.Page).Append('\n');
            var counts = diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
            dump.Append("diagnostics ").Append(counts.Count == 0 ? "none" : Format(counts)).Append('\n');
            string header = "// Generated by TapiGen from " + Path.GetFileName(page.FullPath) + ".";
            SyntaxTree? tree = result.GeneratedTrees.FirstOrDefault(t => t.ToString().Contains(header, StringComparison.Ordinal));
            Match declaration = Regex.Match(tree?.ToString() ?? string.Empty, @" enum @?(\w+) :");
            Type? type = declaration.Success ? assembly.GetType(page.Namespace + "." + declaration.Groups[1].Value) : null;
            if (type is null)
            {
                dump.Append('\n');
                return;
            }

            dump.Append("enum ").Append(type.Name).Append(" : ").Append(Keyword(Enum.GetUnderlyingType(type)))
                .Append(type.IsDefined(typeof(FlagsAttribute), false) ? " flags" : string.Empty).Append('\n');
            var members = LoadedEnums.Members(type);
            dump.Append("members ").Append(members.Count).Append('\n');
            foreach (var (name, value) in members)
            {
                dump.Append(name).Append(" = ").Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }

            dump.Append('\n');
        }

        /// <summary>With TAPIGEN_CORPUS_DUMP=DIR, writes what each page generated to DIR/FOLDER.actual.txt (never in CI).</summary>
        private void WriteDump(string folder, string text)
        {
            string? dir = Environment.GetEnvironmentVariable("TAPIGEN_CORPUS_DUMP");
            if (!string.IsNullOrEmpty(dir))
            {
                Directory.CreateDirectory(dir);
                File.WriteAllText(Path.Combine(dir, folder + ".actual.txt"), text);
                _output.WriteLine("wrote " + Path.Combine(dir, folder + ".actual.txt"));
            }
        }

        private static string Format(IDictionary<string, int> counts)
            => counts.Count == 0 ? "none" : string.Join(" ", counts.Select(kv => kv.Value == 1 ? kv.Key : kv.Key + "x" + kv.Value.ToString(CultureInfo.InvariantCulture)));

        private static string Keyword(Type t)
            => t == typeof(int) ? "int" : t == typeof(uint) ? "uint" : t == typeof(long) ? "long" : t == typeof(ulong) ? "ulong" : t.Name;

        private bool CorpusPresent()
        {
            if (RepoPaths.CorpusAvailable)
            {
                return true;
            }

            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", "The corpus must be present in CI: " + RepoPaths.CorpusRoot);
            _output.WriteLine("SKIPPED: corpus not found at " + RepoPaths.CorpusRoot);
            return false;
        }

        /// <summary>A corpus page: its path, its name relative to the corpus, and the namespace its enum goes to.</summary>
        private sealed record CorpusPage(string FullPath, string Page, string Namespace);

        private static List<CorpusPage> Pages(string folder)
            => Directory.EnumerateFiles(Path.Combine(RepoPaths.CorpusRoot, folder), "*.md", SearchOption.AllDirectories)
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => new CorpusPage(
                    p,
                    Path.GetRelativePath(RepoPaths.CorpusRoot, p).Replace('\\', '/'),
                    "Corpus." + Path.GetFileName(Path.GetDirectoryName(p))!.Replace('-', '_')))
                .ToList();
    }
}
