using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using TapiGen.Tests.Corpus;
using TapiGen.Tests.Infrastructure;
using Xunit;

namespace TapiGen.Tests
{
    /// <summary>Same inputs, byte-identical outputs: whatever the file order, line endings or current culture.</summary>
    public class DeterminismTests
    {
        private static readonly TestManifest[] s_manifests =
        {
            TestManifests.Page("ne-tapi3-agent_session_event.md"),
            TestManifests.Page("ne-inputscope-inputscope.md"),
            TestManifests.Page("ne-propsys-propdesc_type_flags.md"),
            TestManifests.Page("ne-tapi3if-tapi_event.md"),
        };

        private static string Render(GeneratorDriverRunResult result)
            => string.Join("\n---\n", result.GeneratedTrees.OrderBy(t => t.FilePath, System.StringComparer.Ordinal).Select(t => t.FilePath + "\n" + t.GetText()))
               + "\n" + string.Join("\n", result.Diagnostics.Select(d => d.ToString()).OrderBy(s => s, System.StringComparer.Ordinal));

        [Fact]
        public void File_order_does_not_change_the_output()
        {
            string forward = Render(GeneratorHarness.Run(s_manifests));
            string backward = Render(GeneratorHarness.Run(s_manifests.Reverse().ToArray()));
            Assert.Equal(forward, backward);
        }

        [Fact]
        public void Line_endings_do_not_change_the_output()
        {
            string lf = Render(GeneratorHarness.Run(s_manifests.Select(m => m with { Text = m.Text.Replace("\r\n", "\n") }).ToArray()));
            string crlf = Render(GeneratorHarness.Run(s_manifests.Select(m => m with { Text = m.Text.Replace("\r\n", "\n").Replace("\n", "\r\n") }).ToArray()));
            Assert.Equal(lf, crlf);
            Assert.DoesNotContain("\r", lf);
        }

        /// <summary>
        /// Every corpus page with the options and overrides files its expectations give (so overrides, aliases and
        /// values from descriptions are covered too), with its text in the given line endings.
        /// </summary>
        private static List<ItemFile> CorpusFiles(string newLine)
        {
            string Convert(string text) => text.Replace("\r\n", "\n").Replace("\n", newLine);
            var files = new List<ItemFile>();
            foreach (PageExpectation page in CorpusExpectations.All)
            {
                var manifest = new TestManifest(Path.Combine(RepoPaths.CorpusRoot, page.Page), Convert(File.ReadAllText(Path.Combine(RepoPaths.CorpusRoot, page.Page))), "Corpus." + page.Folder.Replace('-', '_'));
                files.Add(ItemFile.Manifest(manifest, page.Options.Select(kv => (kv.Key, kv.Value)).ToArray()));
                if (page.Overrides is not null)
                {
                    files.Add(ItemFile.OverridesFor(manifest, Convert(File.ReadAllText(Path.Combine(CorpusExpectations.OverridesDirectory, page.Overrides)))));
                }
            }

            return files;
        }

        private static string RenderCorpus(IEnumerable<ItemFile> files) => Render(ItemHarness.Run(files, null).Result);

        [Fact]
        public void The_whole_corpus_is_byte_identical_whatever_the_file_order_and_line_endings()
        {
            if (!RepoPaths.CorpusAvailable)
            {
                Assert.False(Environment.GetEnvironmentVariable("CI") == "true", "The corpus must be present in CI");
                return;
            }

            List<ItemFile> lf = CorpusFiles("\n");
            string expected = RenderCorpus(lf);
            Assert.Contains("SIGDN_PARENTRELATIVEPARSING = -2147385343,", expected);
            Assert.Equal(expected, RenderCorpus(Enumerable.Reverse(lf)));
            Assert.Equal(expected, RenderCorpus(lf.OrderBy(f => f.Path.Length).ThenByDescending(f => f.Path, StringComparer.Ordinal)));
            Assert.Equal(expected, RenderCorpus(CorpusFiles("\r\n")));
            Assert.Equal(expected, RenderCorpus(Enumerable.Reverse(CorpusFiles("\r\n"))));
        }

        [Theory]
        [InlineData("tr-TR")]
        [InlineData("ar-SA")]
        public void The_whole_corpus_is_byte_identical_whatever_the_culture(string culture)
        {
            if (!RepoPaths.CorpusAvailable)
            {
                Assert.False(Environment.GetEnvironmentVariable("CI") == "true", "The corpus must be present in CI");
                return;
            }

            List<ItemFile> files = CorpusFiles("\n");
            string invariant = RenderCorpus(files);
            CultureInfo saved = CultureInfo.CurrentCulture, savedUi = CultureInfo.CurrentUICulture;
            try
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
                Assert.Equal(invariant, RenderCorpus(files));
            }
            finally
            {
                CultureInfo.CurrentCulture = saved;
                CultureInfo.CurrentUICulture = savedUi;
            }
        }

        [Theory]
        [InlineData("tr-TR")]
        [InlineData("ar-SA")]
        [InlineData("fa-IR")]
        public void Culture_does_not_change_the_output(string culture)
        {
            string invariant = Render(GeneratorHarness.Run(s_manifests));
            CultureInfo saved = CultureInfo.CurrentCulture, savedUi = CultureInfo.CurrentUICulture;
            try
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
                Assert.Equal(invariant, Render(GeneratorHarness.Run(s_manifests)));
            }
            finally
            {
                CultureInfo.CurrentCulture = saved;
                CultureInfo.CurrentUICulture = savedUi;
            }
        }
    }
}
