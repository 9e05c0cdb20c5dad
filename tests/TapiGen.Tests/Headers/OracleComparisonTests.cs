using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using TapiGen.Generator.Model;
using TapiGen.Generator.Parsing.Headers;
using TapiGen.Tests.Headers.Oracle;
using Xunit;
using Xunit.Abstractions;

namespace TapiGen.Tests.Headers
{
    /// <summary>
    /// TapiGen's header reader against the C compiler (<see cref="CCompilerOracle"/>): every enum both evaluate has the
    /// same members, in the same order, with the same values.
    /// </summary>
    public class OracleComparisonTests
    {
        /// <summary>The headers the corpus pages and the sample's TAPI pages name (req.header), and Msp.h.</summary>
        public static readonly string[] PageHeaders =
        {
            "winnt.h", "wtypes.h", "winuser.h", "d2d1.h", "d3dcommon.h", "dwrite.h", "inputscope.h", "propsys.h",
            "shobjidl_core.h", "Msp.h", "Tapi3if.h", "Tapi3.h",
        };

        private readonly ITestOutputHelper _output;

        public OracleComparisonTests(ITestOutputHelper output) => _output = output;

        internal static HeaderIndex Read(IEnumerable<string> paths)
            => new HeaderIndex(paths
                .Select(p => HeaderReader.Read(new HeaderFile(p, File.ReadAllText(p), (int)new FileInfo(p).Length), CancellationToken.None))
                .OrderBy(h => h.Path, StringComparer.Ordinal)
                .ToEquatableArray());

        [Fact]
        public void The_headers_of_the_pages_agree_with_the_C_compiler()
        {
            List<string> paths = SdkHeaders.IncludeOrder(PageHeaders.Select(SdkHeaders.Find).ToList());
            var stopwatch = Stopwatch.StartNew();
            OracleResult oracle = CCompilerOracle.Evaluate(paths);
            TimeSpan oracleTime = stopwatch.Elapsed;
            Comparison c = Compare(Read(paths), oracle);
            _output.WriteLine($"{paths.Count} headers: {c.Agreed} enums agree with gcc, {c.OnlyOurs} evaluated only by TapiGen, {c.OnlyOracle.Count} only by gcc (gcc {oracleTime.TotalSeconds:F1} s)");
            Assert.True(c.Agreed > 300, "too few enums compared: " + c.Agreed);
            Assert.True(c.Differences.Count == 0, string.Join("\n", c.Differences.Take(20)));
            Assert.True(c.OnlyOracle.Count == 0, "gcc evaluated what TapiGen did not:\n" + string.Join("\n", c.OnlyOracle.Take(20)));
        }

        [Fact]
        public void Every_SDK_header_agrees_with_the_C_compiler_at_scale()
        {
            if (Environment.GetEnvironmentVariable("TAPIGEN_HEADER_SCALE") != "1")
            {
                _output.WriteLine("NOT RUN: set TAPIGEN_HEADER_SCALE=1 to compare every enum of the SDK's um/ and shared/ headers with gcc (minutes).");
                return;
            }

            List<string> paths = SdkHeaders.IncludeOrder(
                Directory.EnumerateFiles(SdkHeaders.Shared, "*.h").Concat(Directory.EnumerateFiles(SdkHeaders.Um, "*.h")).OrderBy(f => f, StringComparer.Ordinal).ToList());
            var stopwatch = Stopwatch.StartNew();
            HeaderIndex ours = Read(paths);
            TimeSpan readTime = stopwatch.Elapsed;
            OracleResult oracle = CCompilerOracle.Evaluate(paths);
            Comparison c = Compare(ours, oracle);
            _output.WriteLine($"{paths.Count} headers (TapiGen read them in {readTime.TotalSeconds:F1} s, gcc in {(stopwatch.Elapsed - readTime).TotalSeconds:F0} s)");
            _output.WriteLine($"{c.Agreed} enums agree with gcc; {c.Differences.Count} differ; {c.OnlyOurs} evaluated only by TapiGen; {c.OnlyOracle.Count} only by gcc");
            foreach (string line in c.Differences.Concat(c.OnlyOracle).Take(60))
            {
                _output.WriteLine("  " + line);
            }

            Assert.True(c.Differences.Count == 0, string.Join("\n", c.Differences.Take(20)));
        }

        private sealed class Comparison
        {
            public int Agreed { get; set; }

            public int OnlyOurs { get; set; }

            public List<string> Differences { get; } = new List<string>();

            public List<string> OnlyOracle { get; } = new List<string>();
        }

        /// <summary>Pairs enums by header and line of their 'enum' keyword, then compares their members.</summary>
        private static Comparison Compare(HeaderIndex ours, OracleResult oracle)
        {
            var result = new Comparison();
            var evaluated = ours.EvaluateAll().ToList();
            var byPlace = evaluated
                .Where(e => e.Enum is not null)
                .GroupBy(e => (e.File.Path, e.Declaration.Line + 1))
                .ToDictionary(g => g.Key, g => g.First().Enum!);
            var matched = new HashSet<(string, int)>();
            foreach (OracleEnum expected in oracle.Enums.Where(e => !e.IsAnonymous))
            {
                string where = Path.GetFileName(expected.HeaderPath) + ":" + expected.Line + " " + expected.DisplayName;
                if (!byPlace.TryGetValue((expected.HeaderPath, expected.Line), out HeaderEnum? actual))
                {
                    var problem = evaluated.FirstOrDefault(e => e.File.Path == expected.HeaderPath && e.Declaration.Line + 1 == expected.Line).Problem;
                    result.OnlyOracle.Add(where + ": " + (problem?.Message ?? "not found by TapiGen"));
                    continue;
                }

                matched.Add((expected.HeaderPath, expected.Line));
                string ourMembers = string.Join(", ", actual.Members.Select(m => m.Name + "=" + m.Value));
                string theirs = string.Join(", ", expected.Members.Select(m => m.Name + "=" + m.Value));
                if (ourMembers != theirs)
                {
                    result.Differences.Add(where + ":\n    TapiGen: " + Cut(ourMembers) + "\n    gcc:     " + Cut(theirs) + "\n    first difference: " + FirstDifference(actual, expected));
                }
                else
                {
                    result.Agreed++;
                }
            }

            result.OnlyOurs = byPlace.Keys.Count(k => !matched.Contains(k));
            return result;
        }

        private static string FirstDifference(HeaderEnum actual, OracleEnum expected)
        {
            for (int i = 0; i < Math.Max(actual.Members.Count, expected.Members.Count); i++)
            {
                string a = i < actual.Members.Count ? actual.Members[i].Name + "=" + actual.Members[i].Value : "(none)";
                string b = i < expected.Members.Count ? expected.Members[i].Name + "=" + expected.Members[i].Value : "(none)";
                if (a != b)
                {
                    return "#" + i + ": TapiGen " + a + ", gcc " + b;
                }
            }

            return "none";
        }

        private static string Cut(string text) => text.Length <= 300 ? text : text.Substring(0, 300) + "...";
    }
}
