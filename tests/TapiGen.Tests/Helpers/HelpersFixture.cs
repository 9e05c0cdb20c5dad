using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TapiGen.Generator.Emit;
using TapiGen.Generator.Model;
using TapiGen.Generator.Planning;
using TapiGen.Tests.Infrastructure;
using Xunit;

namespace TapiGen.Tests.Helpers
{
    /// <summary>
    /// Generates and compiles, once for all the helper tests, every enum the oracle tests run: the real pages of
    /// ../shared/corpus/sdk-api (when present), the test pages, and hand-built models (edge cases and random enums),
    /// plus a driver per enum. The code is compiled with overflow checking on, as a consumer may.
    /// </summary>
    public sealed class HelpersFixture
    {
        public const int RandomSeed = 20240611;
        public const int RandomCount = 24;
        public const string CSharp10Namespace = "ModelsCSharp10";
        public const string SpansNetStandardNamespace = "ModelsSpansNetStandard";
        public const string NoSpansNamespace = "ModelsNoSpans";

        public HelpersFixture()
        {

            var manifests = new List<TestManifest>();
            CorpusAvailable = RepoPaths.CorpusAvailable;
            if (CorpusAvailable)
            {
                string root = Path.Combine(RepoPaths.CorpusRoot, "sdk-api");
                manifests.AddRange(Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories)
                    .OrderBy(p => p, StringComparer.Ordinal)
                    .Select(p => new TestManifest(p, File.ReadAllText(p), "Corpus." + Path.GetFileName(Path.GetDirectoryName(p))!)));
            }

            string pages = Path.Combine(AppContext.BaseDirectory, "Manifests");
            manifests.AddRange(Directory.EnumerateFiles(pages, "ne-*.md")
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => new TestManifest("/pages/" + Path.GetFileName(p), File.ReadAllText(p), "Pages")));

            GeneratorHarness.RunOutput output = GeneratorHarness.Run(manifests, new GeneratorHarness.RunOptions());
            Assert.All(output.Result.Results, r => Assert.Null(r.Exception));

            // The models are emitted four times: for C# 11+ with spans (u8 literals, span switches), for C# 10 with
            // spans (neither), for C# 10 with spans but no .NET 5 APIs (the support file a netstandard2.0 consumer with
            // System.Memory gets: no string.Create, BitOperations or Vector128), and for C# 7.3 without spans (strings
            // only), each in its own namespace. The first two share the generator's support file; the last two are each
            // compiled on their own with their support file. All run on this runtime (net10.0): the variants check the
            // code paths, not older runtimes' rules.
            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
            Models = TestModels.Edge().Concat(TestModels.Random(RandomSeed, RandomCount)).ToList();
            IReadOnlyList<EnumModel> variantModels = TestModels.Edge().Concat(TestModels.Random(RandomSeed, 4)).ToList();
            var withSpans = new List<SyntaxTree>();
            withSpans.AddRange(Trees(TestModels.Namespace, new CompilationFacts(1400, true, false, false, true), Models, parseOptions));
            withSpans.AddRange(Trees(CSharp10Namespace, new CompilationFacts(1000, true, false, false, true), variantModels, parseOptions));
            withSpans.AddRange(Trees(TestModels.KeptNamespace, new CompilationFacts(1400, true, false, false, true), TestModels.Kept(), parseOptions));
            var main = (CSharpCompilation)output.OutputCompilation.AddSyntaxTrees(withSpans);
            var parts = new List<CSharpCompilation> { main };
            foreach ((string ns, CompilationFacts facts) in new[]
            {
                (SpansNetStandardNamespace, new CompilationFacts(1000, true, false, false, false)),
                (NoSpansNamespace, new CompilationFacts(703, false, false, false, false)),
            })
            {
                List<SyntaxTree> trees = Trees(ns, facts, variantModels, parseOptions);
                trees.Add(CSharpSyntaxTree.ParseText(
                    SupportEmitter.Emit(SpecBuilder.Support(variantModels.Select(m => SpecBuilder.Build(m, facts)).ToList(), facts)!),
                    parseOptions,
                    "/" + ns + "/" + SupportEmitter.HintName));
                parts.Add(CSharpCompilation.Create(ns + "Helpers", trees, main.References, main.Options));
            }

            var drivers = new List<HelperDriver>();
            foreach (CSharpCompilation part in parts)
            {
                List<DrivenEnum> enums = DrivenEnum.FindAll(part);
                CSharpCompilation compilation = part
                    .AddSyntaxTrees(CSharpSyntaxTree.ParseText(HelperDriver.Source(enums), parseOptions, "/drivers.cs"))
                    .WithOptions(part.Options.WithOverflowChecks(true));

                // Load emits, and fails with the errors if there are any (binding twice would double the time).
                Assembly assembly = GeneratorHarness.Load(compilation);
                drivers.AddRange(enums.Select((e, i) => HelperDriver.Create(assembly, e, i)));
            }

            Drivers = drivers;
        }

        private static List<SyntaxTree> Trees(string ns, CompilationFacts facts, IReadOnlyList<EnumModel> models, CSharpParseOptions parseOptions)
        {
            var trees = new List<SyntaxTree>();
            foreach (EnumModel source in models)
            {
                EnumSpec spec = SpecBuilder.Build(source with { Namespace = ns }, facts);
                trees.Add(CSharpSyntaxTree.ParseText(EnumEmitter.Emit(spec), parseOptions, "/" + ns + "/" + source.Identifier + ".g.cs"));
                trees.Add(CSharpSyntaxTree.ParseText(HelpersEmitter.Emit(spec), parseOptions, "/" + ns + "/" + source.Identifier + ".Extensions.g.cs"));
            }

            return trees;
        }

        /// <summary>False when ../shared/corpus is missing (then only the test pages and models run).</summary>
        public bool CorpusAvailable { get; }

        internal IReadOnlyList<EnumModel> Models { get; }

        public IReadOnlyList<HelperDriver> Drivers { get; }

        public IEnumerable<HelperDriver> Corpus => Drivers.Where(d => d.Info.Namespace.StartsWith("Corpus.", StringComparison.Ordinal));

        public IEnumerable<HelperDriver> Pages => Drivers.Where(d => d.Info.Namespace == "Pages");

        public IEnumerable<HelperDriver> ModelDrivers => Drivers.Where(d => d.Info.Namespace == TestModels.Namespace);

        /// <summary>
        /// The models' helpers as written for C# 10 (spans, no u8 literals or span switches), for a consumer with spans
        /// but no .NET 5 APIs (no string.Create or BitOperations), and for C# 7.3 (no spans).
        /// </summary>
        public IEnumerable<HelperDriver> VariantDrivers => Drivers.Where(d => d.Info.Namespace is CSharp10Namespace or SpansNetStandardNamespace or NoSpansNamespace);

        public HelperDriver Get(string fullName) => Drivers.Single(d => d.Info.FullName == fullName);

        /// <summary>The model an enum of <see cref="ModelDrivers"/> was emitted from.</summary>
        internal EnumModel ModelOf(HelperDriver driver) => Models.Single(m => m.Identifier == driver.Info.Name);
    }
}
