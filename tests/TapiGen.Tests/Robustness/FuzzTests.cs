using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TapiGen.Tests.Corpus;
using TapiGen.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace TapiGen.Tests.Robustness
{
    /// <summary>
    /// Mutated corpus pages (lines deleted, duplicated, swapped, truncated, random bytes, BOMs, line endings, tabs,
    /// very long lines, deep nesting, huge numbers, broken headings and overrides files): the generator never throws
    /// or reports TG0012, never hangs, and what it generates always parses cleanly; no output comes with an error.
    /// CI runs <see cref="DefaultIterations"/> cases; set TAPIGEN_FUZZ_ITERATIONS for a longer campaign and
    /// TAPIGEN_FUZZ_SEED to replay a failure (CsCheck prints the seed).
    /// </summary>
    public class FuzzTests
    {
        private const int DefaultIterations = 1000;
        private const int MaxTextLength = 2 * 1024 * 1024;

        /// <summary>Generous: a case takes milliseconds. Only a hang (or a pathological slowdown) gets near it.</summary>
        // A hang detector, not a speed test: CI runs the package tests' builds beside this one on 2 cores, and a 10 s guard
        // tripped there on a 2.6 KB page that takes milliseconds alone (seed 8wZsFbpuf5s2 replays in 15 s for all 1,000
        // cases). Only a real hang or blow-up should fail it.
        private static readonly TimeSpan s_caseTimeout = TimeSpan.FromSeconds(120);

        private static readonly Lazy<IReadOnlyList<(string Name, string Text)>> s_seeds = new Lazy<IReadOnlyList<(string, string)>>(LoadSeeds);
        private static readonly CSharpParseOptions s_parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        private static readonly Lazy<Compilation> s_compilation = new Lazy<Compilation>(() => GeneratorHarness.CreateCompilation(s_parseOptions, null, TargetRefs.Net80));

        private const string Nasty = "\0\r\n\t\uFEFF\u2028\u2029\u0085\u202E\u2066\u200B\uD800\uDC00\u00A0 #-:()`~<>&;|*_[]{}!\"\\'=+.,/0123456789xXabcdefABCDEF_\u00E9\u4E2D";

        private readonly ITestOutputHelper _output;

        public FuzzTests(ITestOutputHelper output) => _output = output;

        private enum Kind
        {
            DeleteLine,
            DuplicateLine,
            SwapLines,
            Truncate,
            InsertRandom,
            InsertBom,
            LineEndings,
            Tabs,
            LongLine,
            DeepNesting,
            HugeNumber,
            FieldHeading,
            FrontMatter,
        }

        /// <summary>One edit; its numbers pick positions and sizes, so a case is reproducible from its values alone.</summary>
        private sealed record Mutation(Kind Kind, int A, int B, int Size, string Payload)
        {
            public override string ToString()
                => Kind + "(" + A.ToString(CultureInfo.InvariantCulture) + ", " + B.ToString(CultureInfo.InvariantCulture) + ", " + Size.ToString(CultureInfo.InvariantCulture) + ", " + GeneratedCodeChecks.Show(Payload) + ")";
        }

        private sealed record FuzzCase(int Page, Mutation[] Mutations, bool ValuesFromDescriptions, string? Overrides)
        {
            public override string ToString()
                => "page " + s_seeds.Value[Page % s_seeds.Value.Count].Name + ", ValuesFromDescriptions=" + ValuesFromDescriptions
                   + (Overrides is null ? string.Empty : ", overrides " + GeneratedCodeChecks.Show(Overrides)) + ":\n  " + string.Join("\n  ", Mutations.Select(m => m.ToString()));
        }

        private static readonly Gen<string> s_payload = Gen.Char[Nasty].Array[0, 24].Select(chars => new string(chars));

        private static readonly Gen<int> s_size = Gen.Frequency((32, Gen.Int[1, 64]), (6, Gen.Int[64, 5000]), (1, Gen.Int[5000, 50000]));

        private static readonly Gen<Mutation> s_mutation = Gen.Select(
            Gen.Int[0, Enum.GetValues(typeof(Kind)).Length - 1].Select(k => (Kind)k),
            Gen.Int[0, int.MaxValue],
            Gen.Int[0, int.MaxValue],
            s_size,
            s_payload,
            (kind, a, b, size, payload) => new Mutation(kind, a, b, size, payload));

        private static readonly Gen<string> s_overridesLine = Gen.OneOf(
            Gen.Const("value {0} = 0x10"),
            Gen.Const("value {0} = (int)0x80000000"),
            Gen.Const("rename {0} = RENAMED_{0}"),
            Gen.Const("add NEW_{0}"),
            Gen.Const("add {0} = 1"),
            Gen.Const("enum-name = Renamed"),
            Gen.Const("flags = true"),
            Gen.Const("value {0} = {0}"),
            s_payload.Select(p => "value {0} = " + p.Replace("{", "(").Replace("}", ")")),
            s_payload.Select(p => p.Replace("{", "(").Replace("}", ")")));

        private static readonly Gen<FuzzCase> s_case = Gen.Select(
            Gen.Int[0, int.MaxValue],
            s_mutation.Array[1, 6],
            Gen.Bool,
            Gen.Frequency((4, Gen.Const((string[]?)null)), (1, s_overridesLine.Array[1, 6].Select(a => (string[]?)a))),
            (page, mutations, fromDescriptions, overrides) => new FuzzCase(
                page,
                mutations,
                fromDescriptions,
                overrides is null ? null : string.Join("\n", overrides.Select(l => string.Format(CultureInfo.InvariantCulture, l, "M")))));

        [Fact]
        public void Mutated_pages_never_crash_hang_or_generate_code_that_does_not_parse()
        {
            string? setting = Environment.GetEnvironmentVariable("TAPIGEN_FUZZ_ITERATIONS");
            long iterations = long.TryParse(setting, NumberStyles.None, CultureInfo.InvariantCulture, out long n) && n > 0 ? n : DefaultIterations;
            string? seed = Environment.GetEnvironmentVariable("TAPIGEN_FUZZ_SEED");
            s_case.Sample(Check, writeLine: _output.WriteLine, seed: string.IsNullOrEmpty(seed) ? null : seed, iter: iterations, print: c => c.ToString());
            _output.WriteLine($"{iterations} cases over {s_seeds.Value.Count} seed pages");
        }

        private static void Check(FuzzCase fuzzCase)
        {
            var (name, seedText) = s_seeds.Value[fuzzCase.Page % s_seeds.Value.Count];
            string text = seedText;
            foreach (Mutation mutation in fuzzCase.Mutations)
            {
                text = Apply(text, mutation);
            }

            var manifest = new TestManifest("/fuzz/" + name, text);
            var files = new List<ItemFile> { ItemFile.Manifest(manifest, ("ValuesFromDescriptions", fuzzCase.ValuesFromDescriptions ? "true" : "false")) };
            if (fuzzCase.Overrides is not null)
            {
                files.Add(ItemFile.OverridesFor(manifest, fuzzCase.Overrides));
            }

            using var cancellation = new CancellationTokenSource();
            Task<GeneratorDriverRunResult> run = Task.Run(
                () => ItemHarness.CreateDriver(files, null, s_parseOptions, trackSteps: false, out _)
                    .RunGenerators(s_compilation.Value, cancellation.Token)
                    .GetRunResult(),
                cancellation.Token);
            if (!run.Wait(s_caseTimeout))
            {
                cancellation.Cancel();
                throw new TimeoutException("the generator took over " + s_caseTimeout.TotalSeconds + " s (" + text.Length + " characters)");
            }

            GeneratorDriverRunResult result = run.Result;
            Exception? thrown = result.Results.Select(r => r.Exception).FirstOrDefault(e => e is not null);
            if (thrown is not null)
            {
                throw new InvalidOperationException("the generator threw", thrown);
            }

            Diagnostic? failure = result.Diagnostics.FirstOrDefault(d => d.Id == "TG0012");
            if (failure is not null)
            {
                throw new InvalidOperationException("TG0012: " + failure.GetMessage(CultureInfo.InvariantCulture));
            }

            // TG0034 (info) is a reason too: a mutation that breaks the UID's "NE:" and the fields section together makes
            // the page say it is another kind of sdk-api page, which TapiGen skips by design.
            bool hasError = result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error || d.Id == "TG0034");
            if (result.GeneratedTrees.Length == 0 && !hasError)
            {
                throw new InvalidOperationException("nothing was generated, yet no error says why: " + string.Join("; ", result.Diagnostics));
            }

            foreach (SyntaxTree tree in result.GeneratedTrees)
            {
                var problems = CSharpSyntaxTree.ParseText(tree.GetText(), s_parseOptions.WithDocumentationMode(DocumentationMode.Diagnose))
                    .GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
                if (problems.Count > 0)
                {
                    throw new InvalidOperationException("generated code does not parse cleanly: " + string.Join("\n", problems));
                }
            }
        }

        private static string Apply(string text, Mutation m)
        {
            List<string> lines = text.Split('\n').ToList();
            int Line(int seed) => seed % lines.Count;
            int Position(int seed) => text.Length == 0 ? 0 : seed % (text.Length + 1);
            bool grows = text.Length + m.Size < MaxTextLength;
            switch (m.Kind)
            {
                case Kind.DeleteLine:
                    lines.RemoveAt(Line(m.A));
                    break;
                case Kind.DuplicateLine:
                    lines.Insert(Line(m.A), lines[Line(m.A)]);
                    break;
                case Kind.SwapLines:
                    (lines[Line(m.A)], lines[Line(m.B)]) = (lines[Line(m.B)], lines[Line(m.A)]);
                    break;
                case Kind.Truncate:
                    return text.Substring(0, Position(m.A));
                case Kind.InsertRandom:
                    return text.Insert(Position(m.A), m.Payload);
                case Kind.InsertBom:
                    return text.Insert(m.B % 2 == 0 ? 0 : Position(m.A), "\uFEFF");
                case Kind.LineEndings:
                    return (m.B % 3) switch
                    {
                        0 => text.Replace("\r\n", "\n").Replace("\n", "\r\n"),
                        1 => text.Replace("\r\n", "\n").Replace('\n', '\r'),
                        _ => string.Join("\n", lines.Select((l, i) => i % 2 == 0 ? l + "\r" : l)),
                    };
                case Kind.Tabs:
                    lines[Line(m.A)] = (m.B % 2 == 0 ? "\t" : string.Empty) + lines[Line(m.A)].Replace("    ", "\t").Replace(' ', m.B % 3 == 0 ? '\t' : ' ');
                    break;
                case Kind.LongLine when grows:
                    lines[Line(m.A)] += Repeat(m.Payload.Length == 0 ? "x" : m.Payload, m.Size);
                    break;
                case Kind.DeepNesting when grows:
                    string[] openers = { "(", "<div>", "> ", "  - ", "[", "**", "```", "<b><i>", "<!--", "&#", "*[", "<ul><li>", "|", "\\" };
                    return text.Insert(Position(m.A), Repeat(openers[m.B % openers.Length], m.Size));
                case Kind.HugeNumber:
                    string[] numbers =
                    {
                        Repeat("9", m.Size), "0x" + Repeat("F", m.Size), Repeat("-", Math.Min(m.Size, 100000)) + "1",
                        Repeat("~", Math.Min(m.Size, 100000)) + "1", Repeat("(", m.Size) + "1" + Repeat(")", m.Size), "1 << " + m.Size,
                        string.Join(" | ", Enumerable.Repeat("0x1", Math.Min(m.Size, 20000))), "(int)0x" + Repeat("8", m.Size),
                    };
                    int heading = lines.FindIndex(Line(m.A), l => l.StartsWith("### -field", StringComparison.Ordinal));
                    heading = heading < 0 ? lines.FindIndex(l => l.StartsWith("### -field", StringComparison.Ordinal)) : heading;
                    if (heading >= 0)
                    {
                        lines[heading] = lines[heading].Split(':')[0].Split(' ').Take(3).Aggregate((x, y) => x + " " + y) + ":" + numbers[m.B % numbers.Length];
                    }

                    break;
                case Kind.FieldHeading:
                    string[] shapes = { "### -field ", "### -field", "###  -field\t", "#### - ", "## -enum-fields", "## -remarks", "# ", "### -FIELD " };
                    lines.Insert(Line(m.A), shapes[m.B % shapes.Length] + m.Payload);
                    break;
                case Kind.FrontMatter:
                    string[] front = { "---", "...", "title: " + m.Payload, "api_name:\n - " + m.Payload, "title: [" + m.Payload, "title: \"" + m.Payload };
                    lines.Insert(m.B % 3 == 0 ? 0 : Line(m.A), front[m.B % front.Length]);
                    break;
            }

            return string.Join("\n", lines);
        }

        private static string Repeat(string unit, int count)
        {
            var sb = new StringBuilder(unit.Length * count);
            for (int i = 0; i < count && sb.Length < MaxTextLength / 2; i++)
            {
                sb.Append(unit);
            }

            return sb.ToString();
        }

        /// <summary>The corpus pages (or, without the corpus, the copies in tests/TapiGen.Tests/Manifests).</summary>
        private static IReadOnlyList<(string Name, string Text)> LoadSeeds()
        {
            string root = RepoPaths.CorpusAvailable ? RepoPaths.CorpusRoot : Path.Combine(AppContext.BaseDirectory, "Manifests");
            return Directory.EnumerateFiles(root, "ne-*.md", SearchOption.AllDirectories)
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => (Path.GetFileName(p), File.ReadAllText(p)))
                .ToList();
        }
    }
}
