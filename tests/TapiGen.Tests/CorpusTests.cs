using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using TapiGen.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace TapiGen.Tests
{
    /// <summary>
    /// Every real page in ../shared/corpus: the generator never fails, and each page either generates code that
    /// compiles cleanly or gets the error we expect for it.
    /// </summary>
    public class CorpusTests
    {
        /// <summary>Pages that cannot generate as published, and the error that says why.</summary>
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
            if (!RepoPaths.CorpusAvailable)
            {
                Assert.False(Environment.GetEnvironmentVariable("CI") == "true", "The corpus must be present in CI: " + RepoPaths.CorpusRoot);
                _output.WriteLine("SKIPPED: corpus not found at " + RepoPaths.CorpusRoot);
                return;
            }

            string root = Path.Combine(RepoPaths.CorpusRoot, folder);
            var manifests = Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories)
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => new TestManifest(p, File.ReadAllText(p), "Corpus." + Path.GetFileName(Path.GetDirectoryName(p))!.Replace('-', '_')))
                .ToList();
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
                    _output.WriteLine($"{folder}/{name}: {d.Id} {d.Severity} {d.Location.GetLineSpan().StartLinePosition}: {d.GetMessage()}");
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

            Assert.Equal(generated, result.GeneratedTrees.Count(t => !t.FilePath.EndsWith(".Extensions.g.cs", StringComparison.Ordinal)));
            GeneratorHarness.AssertCompilesCleanly(result);
            _output.WriteLine($"{folder}: {manifests.Count} pages, {generated} generated");
        }
    }
}
