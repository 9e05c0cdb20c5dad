using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis;
using TapiGen.Generator.Diagnostics;
using TapiGen.Generator.Model;
using TapiGen.Generator.Parsing;
using TapiGen.Generator.Planning;
using TapiGen.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace TapiGen.Tests.Robustness
{
    /// <summary>
    /// Every member heading of every corpus page, broken in every way a person might (a misspelled or recased
    /// keyword, a missing or extra dash or space, the wrong number of '#', an indent, the keyword dropped): no
    /// mutation may change a generated value without a diagnostic. Compared with the page's unmutated members.
    /// </summary>
    public class HeadingMutationTests
    {
        private static readonly Regex s_heading = new Regex(@"^### -field (?<rest>.*)$", RegexOptions.CultureInvariant);

        /// <summary>Each turns "### -field REST" into a broken heading.</summary>
        private static readonly (string Name, Func<string, string> Apply)[] s_mutations =
        {
            ("keyword -fild", r => "### -fild " + r),
            ("keyword -feild", r => "### -feild " + r),
            ("keyword -filed", r => "### -filed " + r),
            ("keyword -fiedl", r => "### -fiedl " + r),
            ("keyword -fielld", r => "### -fielld " + r),
            ("keyword -fields", r => "### -fields " + r),
            ("keyword -fie", r => "### -fie " + r),
            ("keyword -Field", r => "### -Field " + r),
            ("keyword -FIELD", r => "### -FIELD " + r),
            ("keyword without dash", r => "### field " + r),
            ("two dashes", r => "### --field " + r),
            ("dash and space", r => "### - field " + r),
            ("en dash", r => "### \u2013field " + r),
            ("keyword glued to name", r => "### -field" + r),
            ("colon after keyword", r => "### -field:" + r),
            ("no space after hashes", r => "###-field " + r),
            ("level 1", r => "# -field " + r),
            ("level 2", r => "## -field " + r),
            ("level 4", r => "#### -field " + r),
            ("level 5", r => "##### -field " + r),
            ("level 7", r => "####### -field " + r),
            ("indented four spaces", r => "    ### -field " + r),
            ("indented with a tab", r => "\t### -field " + r),
            ("keyword dropped", r => "### " + r),
            ("keyword dropped, dash kept", r => "### - " + r),
            ("keyword dropped, dash glued", r => "### -" + r),
        };

        private readonly ITestOutputHelper _output;

        public HeadingMutationTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void No_heading_mutation_changes_a_value_without_a_diagnostic()
        {
            var pages = Seeds();
            int cases = 0, flagged = 0;
            var stopwatch = Stopwatch.StartNew();
            var failures = new List<string>();
            foreach ((string name, string text) in pages)
            {
                (Dictionary<string, BigInteger>? original, HashSet<string> originalIds) = Generate(name, text);
                if (original is null)
                {
                    continue; // pages that need options or overrides are covered by the corpus tests
                }

                string[] lines = text.Split('\n');
                for (int i = 0; i < lines.Length; i++)
                {
                    Match m = s_heading.Match(lines[i].TrimEnd('\r'));
                    if (!m.Success)
                    {
                        continue;
                    }

                    foreach ((string mutationName, Func<string, string> apply) in s_mutations)
                    {
                        string[] mutated = (string[])lines.Clone();
                        mutated[i] = apply(m.Groups["rest"].Value);
                        (Dictionary<string, BigInteger>? values, HashSet<string> ids) = Generate(name, string.Join("\n", mutated));
                        cases++;
                        bool newWarning = ids.Except(originalIds).Any();
                        flagged += newWarning ? 1 : 0;
                        if (values is not null && !newWarning && !Same(original, values))
                        {
                            failures.Add(name + " line " + (i + 1) + " (" + mutationName + "): '" + mutated[i] + "' changed the values without a diagnostic");
                        }
                    }
                }
            }

            _output.WriteLine(cases + " mutated headings over " + pages.Count + " pages, " + flagged + " got a new warning or error, in " + stopwatch.Elapsed.TotalSeconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture) + " s");
            Assert.True(cases > 1000, "too few cases: " + cases);
            Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        }

        /// <summary>The members and values generated, or null when nothing is; and the ids of warnings and errors.</summary>
        private static (Dictionary<string, BigInteger>? Values, HashSet<string> Ids) Generate(string name, string text)
        {
            var file = new ManifestFile("/mutated/" + name, text, GeneratorOptions.Default("Tapi.Tests", "test"), EquatableArray<DiagnosticInfo>.Empty) { TextLength = text.Length };
            PageParse page = PageReader.Read(file, CancellationToken.None);
            ParseResult result = EnumPlanner.Plan(page, HeaderLookup.NoHeaders, CancellationToken.None);
            var ids = new HashSet<string>(result.Diagnostics
                .Where(d => DiagnosticDescriptors.ById(d.DescriptorId).Severity >= Severity.Warning)
                .Select(d => d.DescriptorId + "@" + (d.Location?.Line ?? -1)));
            return (result.Model?.Members.ToDictionary(mm => mm.Name, mm => mm.Value), ids);
        }

        private static bool Same(Dictionary<string, BigInteger> a, Dictionary<string, BigInteger> b)
            => a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out BigInteger v) && v == kv.Value);

        /// <summary>The corpus pages (or, without the corpus, the copies in tests/TapiGen.Tests/Manifests).</summary>
        private static IReadOnlyList<(string Name, string Text)> Seeds()
        {
            string root = RepoPaths.CorpusAvailable ? RepoPaths.CorpusRoot : Path.Combine(AppContext.BaseDirectory, "Manifests");
            return Directory.EnumerateFiles(root, "ne-*.md", SearchOption.AllDirectories)
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => (Path.GetFileName(p), File.ReadAllText(p)))
                .ToList();
        }
    }
}
